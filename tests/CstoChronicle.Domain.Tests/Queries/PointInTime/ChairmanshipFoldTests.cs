using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.PointInTime;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class ChairmanshipFoldTests
{
    private readonly Facts _facts = new();

    [Fact]
    public void A_chairmanship_known_only_to_have_begun_by_a_day_is_certain_after_that_day()
    {
        var claims = new[] { _facts.Chair("BLR", "../2006-06-23") };

        var chair = ChairmanshipFold.ChairOn(claims, Day("2006-06-23")).ShouldNotBeNull();

        chair.State.ShouldBe("BLR");
        chair.Name.ShouldBe("Belarus");
        chair.Certainty.ShouldBe(Certainty.Certain);
        ChairmanshipFold.ChairOn(claims, Day("2006-01-01")).ShouldNotBeNull().Certainty.ShouldBe(Certainty.Possible);
    }

    [Fact]
    public void A_handover_dated_only_by_its_year_makes_the_new_chair_possible_within_that_year()
    {
        var claims = new[] { _facts.Chair("BLR", "2016-10-14~"), _facts.Chair("KAZ", "2018"), _facts.Chair("KGZ", "2018-11-08~") };

        ChairmanshipFold.ChairOn(claims, Day("2017-06-01")).ShouldNotBeNull().State.ShouldBe("BLR");
        var possible = ChairmanshipFold.ChairOn(claims, Day("2018-06-01")).ShouldNotBeNull();
        possible.State.ShouldBe("KAZ");
        possible.Certainty.ShouldBe(Certainty.Possible);
        ChairmanshipFold.ChairOn(claims, Day("2018-11-08")).ShouldNotBeNull().State.ShouldBe("KGZ");
    }

    [Fact]
    public void There_is_no_chair_before_the_first_handover()
    {
        ChairmanshipFold.ChairOn([_facts.Chair("RUS", "2009-06-14")], Day("2009-06-13")).ShouldBeNull();
    }
}
