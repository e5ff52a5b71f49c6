using System.Globalization;
using System.Text.Json;
using CstoChronicle.Domain.Dates;
using FsCheck;
using FsCheck.Fluent;
using static CstoChronicle.Domain.Tests.Dates.HistoricalDateGenerators;

namespace CstoChronicle.Domain.Tests.Dates;

public class HistoricalDatePropertyTests
{
    private static readonly Config Many = Config.QuickThrowOnFailure.WithMaxTest(1000);

    [Fact]
    public void Any_day_written_yyyy_MM_dd_parses_to_exactly_that_day() =>
        Check.One(Many, Prop.ForAll(Day.ToArbitrary(), day =>
        {
            var date = HistoricalDate.Parse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            return date.Earliest == day && date.Latest == day && date.Precision == DatePrecision.Day
                && date.Contains(day) == Certainty.Certain && date == HistoricalDate.FromDay(day);
        }));

    [Fact]
    public void A_month_spans_exactly_its_days() =>
        Check.One(Many, Prop.ForAll(YearMonth.ToArbitrary(), ym =>
        {
            var date = HistoricalDate.Parse($"{ym.Year:D4}-{ym.Month:D2}");
            var days = Enumerable.Range(1, DateTime.DaysInMonth(ym.Year, ym.Month)).Select(d => new DateOnly(ym.Year, ym.Month, d)).ToList();
            return date.Earliest == days[0] && date.Latest == days[^1]
                && days.All(d => date.Earliest <= d && d <= date.Latest && date.Contains(d) == Certainty.Possible);
        }));

    [Fact]
    public void A_year_spans_exactly_its_days() =>
        Check.QuickThrowOnFailure(Prop.ForAll(Gen.Choose(1, 9999).ToArbitrary(), year =>
        {
            var date = HistoricalDate.Parse($"{year:D4}");
            var first = new DateOnly(year, 1, 1);
            var days = Enumerable.Range(0, DateTime.IsLeapYear(year) ? 366 : 365).Select(first.AddDays).ToList();
            return date.Earliest == first && date.Latest == new DateOnly(year, 12, 31)
                && days.All(d => date.Earliest <= d && d <= date.Latest);
        }));

    [Fact]
    public void Parsing_a_dates_text_gives_the_same_date() =>
        Check.One(Many, Prop.ForAll(ValidText.ToArbitrary(), text =>
        {
            var date = HistoricalDate.Parse(text);
            var again = HistoricalDate.Parse(date.Text);
            return date.Text == text && again == date && again.Earliest == date.Earliest && again.Latest == date.Latest;
        }));

    [Fact]
    public void Earliest_is_never_after_latest() =>
        Check.One(Many, Prop.ForAll(ValidText.ToArbitrary(), text =>
        {
            var date = HistoricalDate.Parse(text);
            return date.Earliest <= date.Latest;
        }));

    [Fact]
    public void Having_happened_by_a_day_only_grows_more_certain_with_later_days() =>
        Check.One(Many, Prop.ForAll(ValidText.ToArbitrary(), Day.ToArbitrary(), Day.ToArbitrary(), (text, a, b) =>
        {
            var date = HistoricalDate.Parse(text);
            var (earlier, later) = a <= b ? (a, b) : (b, a);
            return date.IsOnOrBefore(earlier) <= date.IsOnOrBefore(later)
                && date.IsAfter(earlier) >= date.IsAfter(later);
        }));

    [Fact]
    public void Containing_a_day_agrees_with_the_bounds() =>
        Check.One(Many, Prop.ForAll(ValidText.ToArbitrary(), Day.ToArbitrary(), (text, day) =>
        {
            var date = HistoricalDate.Parse(text);
            var withinBounds = date.Earliest <= day && day <= date.Latest;
            return (date.Contains(day) != Certainty.No) == withinBounds;
        }));

    [Fact]
    public void An_interval_certainly_contains_a_day_iff_every_pair_of_ends_it_may_have_encloses_it()
    {
        var end = from day in Gen.Choose(0, 75).Select(n => new DateOnly(2000, 1, 1).AddDays(n))
                  from month in Gen.Elements(true, false)
                  select month ? day.ToString("yyyy-MM", CultureInfo.InvariantCulture) : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var interval = from a in end from b in end where HistoricalDate.TryParse($"{a}/{b}", out _, out _) select $"{a}/{b}";

        Check.QuickThrowOnFailure(Prop.ForAll(interval.ToArbitrary(), text =>
        {
            var date = HistoricalDate.Parse(text);
            var pairs = (from s in Days(date.Start!) from e in Days(date.End!) where s <= e select (s, e)).ToList();
            var around = HistoricalDate.Parse($"{date.Earliest.AddDays(-2):yyyy-MM-dd}/{date.Latest.AddDays(2):yyyy-MM-dd}");
            return Days(around).All(day =>
                date.Contains(day) == (pairs.All(p => p.s <= day && day <= p.e) ? Certainty.Certain
                    : pairs.Any(p => p.s <= day && day <= p.e) ? Certainty.Possible : Certainty.No));
        }));

        static IEnumerable<DateOnly> Days(HistoricalDate d) =>
            Enumerable.Range(d.Earliest.DayNumber, d.Latest.DayNumber - d.Earliest.DayNumber + 1).Select(DateOnly.FromDayNumber);
    }

    [Fact]
    public void Any_valid_date_survives_a_JSON_round_trip() =>
        Check.One(Many, Prop.ForAll(ValidText.ToArbitrary(), text =>
        {
            var date = HistoricalDate.Parse(text);
            var back = JsonSerializer.Deserialize<HistoricalDate>(JsonSerializer.Serialize(date));
            return back == date;
        }));

    [Fact]
    public void Any_text_either_parses_to_itself_or_is_rejected_with_a_message() =>
        Check.One(Many, Prop.ForAll(Gen.OneOf(MutatedText, ArbMap.Default.GeneratorFor<string>()).ToArbitrary(), text =>
        {
            var parsed = HistoricalDate.TryParse(text, out var date, out var error);
            return parsed
                ? date!.Text == text && error is null && date.Earliest <= date.Latest
                : date is null && !string.IsNullOrWhiteSpace(error);
        }));
}
