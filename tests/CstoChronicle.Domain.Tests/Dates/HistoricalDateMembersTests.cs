using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Tests.Dates;

public class HistoricalDateMembersTests
{
    [Theory]
    [InlineData("1992-05-15", "1992-05-15", "1992-05-15", DatePrecision.Day)]
    [InlineData("2016-10", "2016-10-01", "2016-10-31", DatePrecision.Month)]
    [InlineData("2024-02", "2024-02-01", "2024-02-29", DatePrecision.Month)]
    [InlineData("2023-02", "2023-02-01", "2023-02-28", DatePrecision.Month)]
    [InlineData("2016", "2016-01-01", "2016-12-31", DatePrecision.Year)]
    [InlineData("2006-08~", "2006-08-01", "2006-08-31", DatePrecision.Month)]
    [InlineData("2012?", "2012-01-01", "2012-12-31", DatePrecision.Year)]
    [InlineData("2016-09-01/2016-09-10", "2016-09-01", "2016-09-10", DatePrecision.Day)]
    [InlineData("2016-09/2017", "2016-09-01", "2017-12-31", DatePrecision.Year)]
    [InlineData("1999-04-02/..", "1999-04-02", "9999-12-31", DatePrecision.Day)]
    [InlineData("1999-04-02/", "1999-04-02", "9999-12-31", DatePrecision.Day)]
    [InlineData("../2010", "0001-01-01", "2010-12-31", DatePrecision.Year)]
    [InlineData("/2010-06", "0001-01-01", "2010-06-30", DatePrecision.Month)]
    public void A_date_spans_the_days_it_may_mean_and_qualifiers_do_not_widen_them(
        string text, string earliest, string latest, DatePrecision precision)
    {
        var date = HistoricalDate.Parse(text);

        date.Earliest.ShouldBe(DateOnly.Parse(earliest));
        date.Latest.ShouldBe(DateOnly.Parse(latest));
        date.Precision.ShouldBe(precision);
    }

    [Theory]
    [InlineData("2012", false, false)]
    [InlineData("2012?", true, false)]
    [InlineData("2012~", false, true)]
    [InlineData("2012%", true, true)]
    [InlineData("2012-05-01?/2013", true, false)]
    [InlineData("2012/2013~", false, true)]
    [InlineData("2012?/2013~", true, true)]
    public void Qualifiers_are_recorded_as_uncertain_and_approximate(string text, bool uncertain, bool approximate)
    {
        var date = HistoricalDate.Parse(text);

        date.IsUncertain.ShouldBe(uncertain);
        date.IsApproximate.ShouldBe(approximate);
    }

    [Fact]
    public void A_single_date_is_not_an_interval()
    {
        var date = HistoricalDate.Parse("2016-10");

        date.IsInterval.ShouldBeFalse();
        date.Start.ShouldBeNull();
        date.End.ShouldBeNull();
        (date.IsStartOpen || date.IsStartUnknown || date.IsEndOpen || date.IsEndUnknown).ShouldBeFalse();
    }

    [Fact]
    public void An_interval_exposes_its_dated_ends()
    {
        var date = HistoricalDate.Parse("2016-09-01/2016-09-10~");

        date.IsInterval.ShouldBeTrue();
        date.Start.ShouldBe(HistoricalDate.Parse("2016-09-01"));
        date.End.ShouldBe(HistoricalDate.Parse("2016-09-10~"));
        date.End!.IsApproximate.ShouldBeTrue();
        (date.IsStartOpen || date.IsStartUnknown || date.IsEndOpen || date.IsEndUnknown).ShouldBeFalse();
    }

    [Fact]
    public void Open_and_unknown_ends_share_bounds_but_stay_distinct()
    {
        var open = HistoricalDate.Parse("1999-04-02/..");
        var unknown = HistoricalDate.Parse("1999-04-02/");

        open.Latest.ShouldBe(unknown.Latest);
        open.End.ShouldBeNull();
        unknown.End.ShouldBeNull();
        open.IsEndOpen.ShouldBeTrue();
        open.IsEndUnknown.ShouldBeFalse();
        unknown.IsEndOpen.ShouldBeFalse();
        unknown.IsEndUnknown.ShouldBeTrue();
        open.ShouldNotBe(unknown);

        HistoricalDate.Parse("../2010").IsStartOpen.ShouldBeTrue();
        HistoricalDate.Parse("/2010").IsStartUnknown.ShouldBeTrue();
    }

    [Fact]
    public void Equality_is_by_text()
    {
        var a = HistoricalDate.Parse("2016");
        var b = HistoricalDate.Parse("2016");
        var qualified = HistoricalDate.Parse("2016~");

        (a == b).ShouldBeTrue();
        a.GetHashCode().ShouldBe(b.GetHashCode());
        (a != qualified).ShouldBeTrue();
        a.Equals(null).ShouldBeFalse();
        (a == null).ShouldBeFalse();
        ((HistoricalDate?)null == null).ShouldBeTrue();
        a.ToString().ShouldBe("2016");
    }
}
