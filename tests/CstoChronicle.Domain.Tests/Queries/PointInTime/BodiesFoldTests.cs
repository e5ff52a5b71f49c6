using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class BodiesFoldTests
{
    private readonly Facts _facts = new();

    [Fact]
    public void A_body_exists_from_its_preferred_founding_date_under_the_name_it_bore_and_not_after_its_dissolution()
    {
        var claims = new[]
        {
            _facts.Body(new BodyEstablished("crrf", "CRRF", "force", On("2009-02-04"), Cited), ClaimRank.Preferred),
            _facts.Body(new BodyEstablished("crrf", "CRRF", "force", On("2009-02-24"), Cited), ClaimRank.Normal),
            _facts.Body(new BodyRenamed("crrf", "Rapid Force", On("2015"), Cited)),
            _facts.Body(new BodyDissolved("crrf", On("2020-01-01"), Cited)),
        };

        BodiesFold.BodiesOn(claims, Day("2009-02-03")).ShouldBeEmpty();
        var founded = BodiesFold.BodiesOn(claims, Day("2009-02-10")).ShouldHaveSingleItem();
        founded.Since.Text.ShouldBe("2009-02-04");
        founded.Kind.ShouldBe("force");
        var renamed = BodiesFold.BodiesOn(claims, Day("2015-06-01")).ShouldHaveSingleItem();
        renamed.Name.ShouldBe("Rapid Force");
        renamed.Certainty.ShouldBe(Certainty.Possible);
        renamed.Kind.ShouldBe("force");
        BodiesFold.BodiesOn(claims, Day("2020-01-01")).ShouldBeEmpty();
    }
}
