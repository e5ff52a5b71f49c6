using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.PointInTime;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class DayWindowTests
{
    [Theory]
    [InlineData("2012-12-19", "2012-01-01", "2013-12-31", Certainty.Certain)]
    [InlineData("2012~", "2012-01-01", "2012-12-31", Certainty.Certain)]
    [InlineData("2018", "2018-06-01", "2018-06-30", Certainty.Possible)]
    [InlineData("../2007-10-06", "2006-01-01", "2006-12-31", Certainty.Possible)]
    [InlineData("2007-10-06/2009-02-04", "2009-02-05", "2009-12-31", Certainty.No)]
    [InlineData("2011-12-31", "2012-01-01", "2012-12-31", Certainty.No)]
    public void A_date_lies_certainly_possibly_or_not_within_the_days_asked(string on, string from, string to, Certainty expected) =>
        DayWindow.Holds(On(on), Day(from), Day(to)).ShouldBe(expected);

    [Fact]
    public void Without_bounds_every_date_lies_within() =>
        DayWindow.Holds(On("../2007-10-06"), null, null).ShouldBe(Certainty.Certain);
}
