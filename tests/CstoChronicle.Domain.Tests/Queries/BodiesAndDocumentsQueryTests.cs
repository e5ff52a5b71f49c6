using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>Bodies and documents on the real dataset (data/events/bodies.json, treaty.json).</summary>
public class BodiesAndDocumentsQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Fact]
    public async Task In_March_2009_the_CRRF_exists_since_4_February_2009_by_the_preferred_claim()
    {
        // uzdaily-crrf-2009: "A decision to create the collective rapid reaction force was taken in Moscow on February 4, 2009."
        var bodies = (await db.Chronicle.Queries.BodiesAsync(Day("2009-03-01"))).Bodies.ToDictionary(b => b.Id);

        var crrf = bodies["crrf"];
        crrf.Since.Text.ShouldBe("2009-02-04");
        crrf.Kind.ShouldBe("force");
        crrf.Certainty.ShouldBe(Certainty.Certain);
        crrf.EventIds.ShouldBe([db.Data.Id("crrf-established-2009-02-04")]);
        bodies["collective-security-council"].Since.Text.ShouldBe("1992-05-15");
        bodies.ShouldNotContainKey("collective-air-forces");
    }

    [Fact]
    public async Task A_body_founded_in_a_year_only_is_possible_within_that_year()
    {
        var bodies = (await db.Chronicle.Queries.BodiesAsync(Day("2015-06-01"))).Bodies.ToDictionary(b => b.Id);

        bodies["collective-air-forces"].Certainty.ShouldBe(Certainty.Possible);
        bodies["crrf"].Certainty.ShouldBe(Certainty.Certain);
    }

    [Fact]
    public async Task In_October_2003_the_Charter_signed_in_Chisinau_is_in_force_since_18_September_2003()
    {
        // mfa-by-csto: "came into force on September 18, 2003"; kremlin-charter (preferred) over the deprecated Tashkent claim.
        var documents = (await db.Chronicle.Queries.DocumentsAsync(Day("2003-10-01"))).Documents.ToDictionary(d => d.Id);

        var charter = documents["csto-charter"];
        charter.Status.ShouldBe(DocumentStatus.InForce);
        charter.Certainty.ShouldBe(Certainty.Certain);
        charter.Place.ShouldBe("Chisinau");
        charter.InForce.ShouldNotBeNull().On.Text.ShouldBe("2003-09-18");
        charter.Ratifications.ShouldHaveSingleItem().State.ShouldBe("KAZ");
        charter.EventIds.ShouldNotContain(db.Data.Id("csto-charter-signed-tashkent-claim"));
        documents["collective-security-treaty"].InForce.ShouldNotBeNull().On.Text.ShouldBe("1994-04-20");
    }

    [Fact]
    public async Task Before_its_entry_into_force_the_Charter_is_only_signed()
    {
        var charter = (await db.Chronicle.Queries.DocumentsAsync(Day("2003-08-01"))).Documents.Single(d => d.Id == "csto-charter");

        charter.Status.ShouldBe(DocumentStatus.Signed);
        charter.InForce.ShouldBeNull();
    }

    [Fact]
    public async Task Uzbekistans_ratification_of_its_return_is_dated_December_2006_by_the_preferred_claim()
    {
        // obozrevatel-2006-12-14 (preferred) over the TASS background paragraph of 2012 (28 March 2008).
        var protocol = (await db.Chronicle.Queries.DocumentsAsync(Day("2009-01-01"))).Documents.Single(d => d.Id == "protocol-uzbekistan-membership-2006");

        var ratification = protocol.Ratifications.ShouldHaveSingleItem();
        ratification.State.ShouldBe("UZB");
        ratification.On.Text.ShouldBe("2006-12");
        ratification.Certainty.ShouldBe(Certainty.Certain);
    }

    [Theory]
    // membership.json: nine parties after the 1993 accessions, six after the 1999 non-renewals, seven with Uzbekistan's return.
    [InlineData("1992-06-01", "ARM KAZ KGZ RUS TJK UZB")]
    [InlineData("1995-01-01", "ARM AZE BLR GEO KAZ KGZ RUS TJK UZB")]
    [InlineData("1999-04-20", "ARM AZE BLR GEO KAZ KGZ RUS TJK UZB")]
    [InlineData("1999-04-21", "ARM BLR KAZ KGZ RUS TJK")]
    [InlineData("2007-01-01", "ARM BLR KAZ KGZ RUS TJK UZB")]
    public async Task The_Collective_Security_Treatys_parties_change_with_accessions_and_withdrawals(string day, string parties)
    {
        var treaty = (await db.Chronicle.Queries.DocumentsAsync(Day(day))).Documents.Single(d => d.Id == "collective-security-treaty");

        treaty.Parties.Select(p => p.State).ShouldBe(parties.Split(' '));
        treaty.Signatories.ShouldBe(["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    }

    [Fact]
    public async Task A_suspended_or_frozen_member_stays_a_party_with_its_status()
    {
        var treaty = (await db.Chronicle.Queries.DocumentsAsync(Day("2025-01-01"))).Documents.Single(d => d.Id == "collective-security-treaty");

        var parties = treaty.Parties.ToDictionary(p => p.State);
        parties["UZB"].Status.ShouldBe(MembershipStatus.Suspended);
        parties["ARM"].Status.ShouldBe(MembershipStatus.Frozen);
        parties["ARM"].Since.Text.ShouldBe("2024-02-22");
    }

    [Fact]
    public async Task The_extension_protocol_binds_its_signatories_once_in_force_and_none_before()
    {
        // treaty.json: signed 2 April 1999 by six states, in force 22 March 2000 (adilet-kz-law-1999-4-ii, pavlodar-protocol-1999).
        var before = (await db.Chronicle.Queries.DocumentsAsync(Day("1999-12-31"))).Documents.Single(d => d.Id == "protocol-extension-collective-security-treaty");
        var after = (await db.Chronicle.Queries.DocumentsAsync(Day("2000-06-01"))).Documents.Single(d => d.Id == "protocol-extension-collective-security-treaty");

        before.Parties.ShouldBeEmpty();
        after.Parties.Select(p => p.State).ShouldBe(after.Signatories.Order(StringComparer.Ordinal));
        after.Parties.ShouldAllBe(p => p.Since.Text == "2000-03-22");
    }
}
