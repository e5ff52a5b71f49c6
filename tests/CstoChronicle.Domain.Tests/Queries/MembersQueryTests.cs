using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>Members on the real dataset; each expectation names the facts of data/events/membership.json and their sources.</summary>
public class MembersQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    private static Dictionary<string, Member> ByState(MembersAnswer answer) => answer.Members.ToDictionary(m => m.State);

    [Fact]
    public async Task On_2006_12_31_the_members_are_the_six_renewers_and_Uzbekistan_back_since_16_August_2006()
    {
        // Uzbekistan's return: the protocol of 16 August 2006 (tass-2012-06-28, rferl-2006-11-16, obozrevatel-2006-12-14), preferred.
        var answer = await db.Chronicle.Queries.MembersAsync(Day("2006-12-31"));

        var members = ByState(answer);
        members.Keys.Order().ShouldBe(["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
        members.Values.ShouldAllBe(m => m.Status == MembershipStatus.Member && m.Certainty == Certainty.Certain);
        members["UZB"].Since.Text.ShouldBe("2006-08-16");
        members["UZB"].Name.ShouldBe("Uzbekistan");
        members["UZB"].EventIds.ShouldBe([db.Data.Id("uzb-rejoined-2006-08-16")]);
        answer.Basis.AsOf.ShouldBe(Day("2006-12-31"));
        answer.Basis.Position.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task In_July_2006_Uzbekistan_is_not_yet_a_member_because_the_preferred_claim_dates_its_return_to_August()
    {
        // The normal claim (tass-2012-11-12: "became a full participant" on 23 June 2006) yields to the preferred one.
        var answer = await db.Chronicle.Queries.MembersAsync(Day("2006-07-01"));

        ByState(answer).ShouldNotContainKey("UZB");
    }

    [Fact]
    public async Task On_2013_06_01_Uzbekistan_is_listed_as_suspended_since_19_December_2012_and_its_deprecated_withdrawal_is_ignored()
    {
        // tass-2012-12-19: "decided to suspend Uzbekistan's membership"; the RT "quits" claim of 2012-06-28 is deprecated.
        var members = ByState(await db.Chronicle.Queries.MembersAsync(Day("2013-06-01")));

        members["UZB"].Status.ShouldBe(MembershipStatus.Suspended);
        members["UZB"].Since.Text.ShouldBe("2012-12-19");
        members["UZB"].EventIds.ShouldBe([db.Data.Id("uzb-membership-suspended-2012-12-19")]);
        members.Values.Where(m => m.State != "UZB").ShouldAllBe(m => m.Status == MembershipStatus.Member);
        members.Count.ShouldBe(7);
    }

    [Fact]
    public async Task In_September_2012_Uzbekistan_is_still_a_member_despite_the_deprecated_claim_that_it_quit_in_June()
    {
        var members = ByState(await db.Chronicle.Queries.MembersAsync(Day("2012-09-01")));

        members["UZB"].Status.ShouldBe(MembershipStatus.Member);
    }

    [Fact]
    public async Task Azerbaijan_Georgia_and_Uzbekistan_leave_on_21_April_1999_having_not_renewed_the_Treaty()
    {
        // csto-history: "Azerbaijan, Georgia and Uzbekistan ceased your membership in the Treaty"; pavlodar-protocol-1999: extended from 21 April 1999.
        var before = ByState(await db.Chronicle.Queries.MembersAsync(Day("1999-04-20")));
        var after = ByState(await db.Chronicle.Queries.MembersAsync(Day("1999-04-21")));

        before.Keys.Order().ShouldBe(["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
        after.Keys.Order().ShouldBe(["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]);
    }

    [Fact]
    public async Task The_1993_accessions_known_only_by_year_are_possible_in_mid_1993_and_certain_at_its_end()
    {
        // csto-history: "Later, it was joined by Azerbaijan, Belarus and Georgia (1993)."
        var midYear = ByState(await db.Chronicle.Queries.MembersAsync(Day("1993-06-01")));
        var yearEnd = ByState(await db.Chronicle.Queries.MembersAsync(Day("1993-12-31")));

        foreach (var state in new[] { "AZE", "BLR", "GEO" })
        {
            midYear[state].Certainty.ShouldBe(Certainty.Possible);
            midYear[state].Since.Text.ShouldBe("1993");
            yearEnd[state].Certainty.ShouldBe(Certainty.Certain);
        }
        midYear["RUS"].Certainty.ShouldBe(Certainty.Certain);
    }

    [Fact]
    public async Task Armenia_is_frozen_from_22_February_2024()
    {
        // rt-2024-02-22: "We have suspended our participation in this treaty"; asbarez-2024-02-23: "frozen our participation".
        var members = ByState(await db.Chronicle.Queries.MembersAsync(Day("2025-01-01")));

        members["ARM"].Status.ShouldBe(MembershipStatus.Frozen);
        members["ARM"].Since.Text.ShouldBe("2024-02-22");
        members.Keys.Order().ShouldBe(["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);
    }

    [Fact]
    public async Task Before_the_Treaty_was_signed_there_are_no_members()
    {
        (await db.Chronicle.Queries.MembersAsync(Day("1992-05-14"))).Members.ShouldBeEmpty();
    }

    [Fact]
    public async Task Without_asOf_the_answer_is_for_today_and_its_basis_says_so()
    {
        var answer = await db.Chronicle.Queries.MembersAsync();

        answer.Basis.AsOf.ShouldBe(DateOnly.FromDateTime(DateTime.UtcNow));
        ByState(answer)["ARM"].Status.ShouldBe(MembershipStatus.Frozen);
    }

    [Fact]
    public async Task A_knownAt_before_anything_was_recorded_answers_with_no_members()
    {
        var answer = await db.Chronicle.Queries.MembersAsync(Day("2006-12-31"), knownAt: DateTimeOffset.UtcNow.AddYears(-1));

        answer.Members.ShouldBeEmpty();
    }
}
