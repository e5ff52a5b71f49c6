using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Tests.Dates;

public class HistoricalDateCertaintyTests
{
    [Theory]
    [InlineData("2006", "2006-12-31", Certainty.Certain)]
    [InlineData("2006", "2006-06-01", Certainty.Possible)]
    [InlineData("2006", "2006-01-01", Certainty.Possible)]
    [InlineData("2006", "2005-12-31", Certainty.No)]
    [InlineData("2006~", "2006-12-31", Certainty.Certain)]
    [InlineData("1992-05-15", "1992-05-15", Certainty.Certain)]
    [InlineData("1992-05-15", "1992-05-14", Certainty.No)]
    [InlineData("2016-10", "2016-10-15", Certainty.Possible)]
    [InlineData("1999-04-02/..", "2030-01-01", Certainty.Possible)]
    public void A_date_has_certainly_possibly_or_not_happened_by_a_day(string text, string day, Certainty expected) =>
        HistoricalDate.Parse(text).IsOnOrBefore(DateOnly.Parse(day)).ShouldBe(expected);

    [Theory]
    [InlineData("2006", "2005-12-31", Certainty.Certain)]
    [InlineData("2006", "2006-01-01", Certainty.Possible)]
    [InlineData("2006", "2006-12-30", Certainty.Possible)]
    [InlineData("2006", "2006-12-31", Certainty.No)]
    [InlineData("1992-05-15", "1992-05-14", Certainty.Certain)]
    [InlineData("1992-05-15", "1992-05-15", Certainty.No)]
    public void A_date_certainly_possibly_or_not_falls_after_a_day(string text, string day, Certainty expected) =>
        HistoricalDate.Parse(text).IsAfter(DateOnly.Parse(day)).ShouldBe(expected);

    [Theory]
    [InlineData("1992-05-15", "1992-05-15", Certainty.Certain)]
    [InlineData("1992-05-15", "1992-05-16", Certainty.No)]
    [InlineData("2016-10", "2016-10-01", Certainty.Possible)]
    [InlineData("2016-10", "2016-10-31", Certainty.Possible)]
    [InlineData("2016-10", "2016-11-01", Certainty.No)]
    [InlineData("2016", "2016-06-01", Certainty.Possible)]
    [InlineData("2016", "2015-12-31", Certainty.No)]
    [InlineData("2016-09-01/2016-09-10", "2016-09-01", Certainty.Certain)]
    [InlineData("2016-09-01/2016-09-10", "2016-09-05", Certainty.Certain)]
    [InlineData("2016-09-01/2016-09-10", "2016-09-10", Certainty.Certain)]
    [InlineData("2016-09-01/2016-09-10", "2016-09-11", Certainty.No)]
    [InlineData("2016/2018", "2016-06-01", Certainty.Possible)]
    [InlineData("2016/2018", "2016-12-31", Certainty.Certain)]
    [InlineData("2016/2018", "2017-03-01", Certainty.Certain)]
    [InlineData("2016/2018", "2018-01-01", Certainty.Certain)]
    [InlineData("2016/2018", "2018-01-02", Certainty.Possible)]
    [InlineData("2016/2018", "2019-01-01", Certainty.No)]
    [InlineData("2016/2016-03", "2016-03-15", Certainty.Possible)]
    [InlineData("1999-04-02/..", "1999-04-01", Certainty.No)]
    [InlineData("1999-04-02/..", "2030-01-01", Certainty.Certain)]
    [InlineData("1999-04-02/", "1999-04-02", Certainty.Certain)]
    [InlineData("1999-04-02/", "2030-01-01", Certainty.Possible)]
    [InlineData("1999/", "1999-12-31", Certainty.Possible)]
    [InlineData("../2010", "1500-01-01", Certainty.Certain)]
    [InlineData("../2010", "2010-01-01", Certainty.Certain)]
    [InlineData("../2010", "2010-06-01", Certainty.Possible)]
    [InlineData("/2010", "1500-01-01", Certainty.Possible)]
    [InlineData("/2010-03-05", "2010-03-05", Certainty.Certain)]
    [InlineData("/2010-03-05", "2010-03-06", Certainty.No)]
    public void A_date_contains_a_day_certainly_possibly_or_not(string text, string day, Certainty expected) =>
        HistoricalDate.Parse(text).Contains(DateOnly.Parse(day)).ShouldBe(expected);
}
