using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class DocumentsFoldTests
{
    private readonly Facts _facts = new();

    [Fact]
    public void A_document_is_signed_then_in_force_with_the_ratifications_made_by_the_day()
    {
        var claims = new[]
        {
            _facts.Document(new DocumentSigned("csto-charter", "Charter", "charter", On("2002-10-07"), Cited, "Chisinau", ["ARM", "RUS"]), ClaimRank.Preferred),
            _facts.Document(new DocumentSigned("csto-charter", "Charter", "charter", On("2002-10-07"), Cited, "Tashkent", ["ARM", "RUS"]), ClaimRank.Deprecated),
            _facts.Document(new DocumentRatified("csto-charter", "KAZ", On("2003-07-01"), Cited)),
            _facts.Document(new DocumentEnteredIntoForce("csto-charter", On("2003-09-18"), Cited)),
        };

        DocumentsFold.DocumentsOn(claims, [], Day("2002-10-06")).ShouldBeEmpty();

        var signed = DocumentsFold.DocumentsOn(claims, [], Day("2003-08-01")).ShouldHaveSingleItem();
        signed.Status.ShouldBe(DocumentStatus.Signed);
        signed.Place.ShouldBe("Chisinau");
        signed.Ratifications.ShouldHaveSingleItem().State.ShouldBe("KAZ");

        var inForce = DocumentsFold.DocumentsOn(claims, [], Day("2003-09-18")).ShouldHaveSingleItem();
        inForce.Status.ShouldBe(DocumentStatus.InForce);
        inForce.Certainty.ShouldBe(Certainty.Certain);
        inForce.InForce.ShouldNotBeNull().On.Text.ShouldBe("2003-09-18");
    }

    [Fact]
    public void A_ratification_dated_only_by_its_month_is_possible_within_it()
    {
        var claims = new[]
        {
            _facts.Document(new DocumentSigned("protocol", "Protocol", "protocol", On("2006-08-16"), Cited)),
            _facts.Document(new DocumentRatified("protocol", "UZB", On("2006-12"), Cited), ClaimRank.Preferred),
            _facts.Document(new DocumentRatified("protocol", "UZB", On("2008-03-28"), Cited), ClaimRank.Normal),
        };

        var ratification = DocumentsFold.DocumentsOn(claims, [], Day("2006-12-15")).ShouldHaveSingleItem().Ratifications.ShouldHaveSingleItem();
        ratification.Certainty.ShouldBe(Certainty.Possible);
        DocumentsFold.DocumentsOn(claims, [], Day("2009-01-01")).ShouldHaveSingleItem().Ratifications.ShouldHaveSingleItem().On.Text.ShouldBe("2006-12");
    }

    [Fact]
    public void The_Treatys_parties_are_the_members_of_the_day_and_other_documents_bind_from_their_entry_into_force()
    {
        var documents = new[]
        {
            _facts.Document(new DocumentSigned("collective-security-treaty", "Collective Security Treaty", "treaty", On("1992-05-15"), Cited, "Tashkent", ["ARM", "RUS"])),
            _facts.Document(new DocumentSigned("protocol", "Protocol", "protocol", On("1999-04-02"), Cited, "Moscow", ["ARM", "RUS"])),
            _facts.Document(new DocumentRatified("protocol", "RUS", On("2000-06-01"), Cited)),
            _facts.Document(new DocumentEnteredIntoForce("protocol", On("2000-03-22"), Cited)),
        };
        var membership = new[]
        {
            _facts.Membership(new StateAcceded("ARM", On("1992-05-15"), Cited)),
            _facts.Membership(new StateAcceded("RUS", On("1992-05-15"), Cited)),
            _facts.Membership(new StateAcceded("AZE", On("1993"), Cited)),
            _facts.Membership(new StateWithdrew("AZE", On("1999-04-21"), Cited)),
        };

        Parties(DocumentsFold.DocumentsOn(documents, membership, Day("1993-06-01")), "collective-security-treaty")
            .ShouldBe([("ARM", Certainty.Certain), ("AZE", Certainty.Possible), ("RUS", Certainty.Certain)]);
        Parties(DocumentsFold.DocumentsOn(documents, membership, Day("1999-04-21")), "collective-security-treaty")
            .ShouldBe([("ARM", Certainty.Certain), ("RUS", Certainty.Certain)]);

        var protocol = DocumentsFold.DocumentsOn(documents, membership, Day("2000-07-01")).Single(d => d.Id == "protocol");
        protocol.Parties.Select(p => (p.State, p.Since.Text)).ShouldBe([("ARM", "2000-03-22"), ("RUS", "2000-06-01")]);
        DocumentsFold.DocumentsOn(documents, membership, Day("2000-03-21")).Single(d => d.Id == "protocol").Parties.ShouldBeEmpty();
    }

    private static IEnumerable<(string, Certainty)> Parties(IEnumerable<DocumentStanding> documents, string id) =>
        documents.Single(d => d.Id == id).Parties.Select(p => (p.State, p.Certainty));
}
