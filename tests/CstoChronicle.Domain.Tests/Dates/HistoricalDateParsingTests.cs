using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Tests.Dates;

public class HistoricalDateParsingTests
{
    [Theory]
    [InlineData("1992-05-15")]
    [InlineData("2016-10")]
    [InlineData("2016")]
    [InlineData("2006-08~")]
    [InlineData("2012?")]
    [InlineData("2012-06-01%")]
    [InlineData("2024-02-29")]
    [InlineData("2000-02-29")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("1999-04-02/..")]
    [InlineData("../2010")]
    [InlineData("2016-09-01/2016-09-10")]
    [InlineData("/2010")]
    [InlineData("1999-04-02/")]
    [InlineData("2016/2016")]
    [InlineData("2016/2016-03")]
    [InlineData("2006~/2008?")]
    public void A_valid_text_parses_and_keeps_its_text_as_written(string text)
    {
        HistoricalDate.TryParse(text, out var date, out var error).ShouldBeTrue(error);
        error.ShouldBeNull();
        date!.Text.ShouldBe(text);
        HistoricalDate.Parse(text).ShouldBe(date);
    }

    [Theory]
    [InlineData("2022-02-30", "day 30 does not exist in February 2022")]
    [InlineData("2023-02-29", "day 29 does not exist in February 2023")]
    [InlineData("1992-04-31", "day 31 does not exist in April 1992")]
    [InlineData("1992-05-00", "day 00 does not exist in May 1992")]
    [InlineData("1992-05-32", "day 32 does not exist in May 1992")]
    [InlineData("1992-13", "month 13 is not 01-12 in '1992-13'")]
    [InlineData("1992-00", "month 00 is not 01-12 in '1992-00'")]
    [InlineData("2001-21", "seasons")]
    [InlineData("19920515", "'19920515' is not EDTF: write 1992-05-15")]
    [InlineData("199205", "'199205' is not EDTF: write 1992-05")]
    [InlineData("19920515?", "write 1992-05-15?")]
    [InlineData("2006-8-1", "month '8' must have two digits in '2006-8-1': write 2006-08-01")]
    [InlineData("2006-08-1", "day '1' must have two digits in '2006-08-1': write 2006-08-01")]
    [InlineData("2006-008", "month '008' must have two digits")]
    [InlineData("2006-8~", "month '8' must have two digits in '2006-8~': write 2006-08~")]
    [InlineData("992", "year '992' must have 4 digits in '992': write 0992")]
    [InlineData("12345", "year '12345' has more than 4 digits")]
    [InlineData("0000", "year 0000 is outside 0001-9999")]
    [InlineData("-0500", "negative years are not supported in '-0500'")]
    [InlineData("Y17000", "extended years (Y...) are not supported")]
    [InlineData(" 1992", "leading or trailing whitespace: write '1992'")]
    [InlineData("1992 ", "leading or trailing whitespace")]
    [InlineData("1992 -05", "contains whitespace")]
    [InlineData("   ", "is blank")]
    [InlineData("", "the text is empty")]
    [InlineData("..", "'..' (an open end) is only allowed as one end of an interval")]
    [InlineData("../..", "has no dated end")]
    [InlineData("/", "has no dated end")]
    [InlineData("../", "has no dated end")]
    [InlineData("..1992", "'..' is only allowed as a whole end of an interval")]
    [InlineData("..~/2010", "the open start '..' takes no qualifier")]
    [InlineData("2016-09-10/2016-09-01", "the end 2016-09-01 is before the start 2016-09-10")]
    [InlineData("2017/2016-05", "the end 2016-05 is before the start 2017")]
    [InlineData("1992-13/1993", "month 13 is not 01-12 in '1992-13' (the start of '1992-13/1993')")]
    [InlineData("1992/2022-02-30", "day 30 does not exist in February 2022 ('2022-02-30'; it has 28 days) (the end of '1992/2022-02-30')")]
    [InlineData("1992/1993/1994", "more than one '/'")]
    [InlineData("2012?~", "more than one qualifier")]
    [InlineData("2006~-08", "the qualifier '~' in '2006~-08' must end the whole date")]
    [InlineData("?", "a qualifier without a date")]
    [InlineData("201X", "unspecified digits (X) are not supported")]
    [InlineData("1992-05-15T10:00", "has a time of day")]
    [InlineData("1992-05-15-01", "is not an EDTF date: expected YYYY, YYYY-MM or YYYY-MM-DD")]
    [InlineData("May 1992", "contains whitespace")]
    [InlineData("1992/05/15", "more than one '/'")]
    [InlineData("15.05.1992", "is not an EDTF date")]
    [InlineData("１９９２", "is not an EDTF date")]
    public void An_invalid_text_is_rejected_with_a_message_naming_the_problem(string text, string expected)
    {
        HistoricalDate.TryParse(text, out var date, out var error).ShouldBeFalse();
        date.ShouldBeNull();
        error.ShouldNotBeNull().ShouldContain(expected, Case.Sensitive);
        Should.Throw<FormatException>(() => HistoricalDate.Parse(text)).Message.ShouldBe(error);
    }

    [Fact]
    public void A_null_text_is_rejected_as_missing()
    {
        HistoricalDate.TryParse(null, out var date, out var error).ShouldBeFalse();
        date.ShouldBeNull();
        error.ShouldBe("a historical date is required: the text is empty");
    }

    [Fact]
    public void A_day_is_written_as_its_ISO_text()
    {
        var date = HistoricalDate.FromDay(new DateOnly(1992, 5, 15));

        date.Text.ShouldBe("1992-05-15");
        date.ShouldBe(HistoricalDate.Parse("1992-05-15"));
        HistoricalDate.FromDay(new DateOnly(7, 1, 2)).Text.ShouldBe("0007-01-02");
    }
}
