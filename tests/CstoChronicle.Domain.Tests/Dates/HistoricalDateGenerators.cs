using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace CstoChronicle.Domain.Tests.Dates;

/// <summary>Generators of valid EDTF texts of the chronicle's subset, and of days.</summary>
internal static class HistoricalDateGenerators
{
    public static Gen<DateOnly> Day { get; } =
        Gen.Choose(DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber).Select(DateOnly.FromDayNumber);

    public static Gen<(int Year, int Month)> YearMonth { get; } =
        from year in Gen.Choose(1, 9999)
        from month in Gen.Choose(1, 12)
        select (year, month);

    private static readonly Gen<string> Qualifier = Gen.Elements("", "", "", "?", "~", "%");

    private static readonly Gen<string> Precision = Gen.Elements("yyyy-MM-dd", "yyyy-MM", "yyyy");

    private static Gen<string> Single(DateOnly day) =>
        from format in Precision
        from qualifier in Qualifier
        select day.ToString(format, CultureInfo.InvariantCulture) + qualifier;

    /// <summary>Any valid text: a single date, or an interval whose ends (dated, open or unknown) are in order.</summary>
    public static Gen<string> ValidText { get; } = Gen.OneOf(
        Day.SelectMany(Single),
        from a in Day
        from b in Day
        from start in Single(a < b ? a : b)
        from end in Single(a < b ? b : a)
        from shape in Gen.Choose(0, 4)
        select shape switch
        {
            0 => $"{start}/{end}",
            1 => $"{start}/..",
            2 => $"{start}/",
            3 => $"../{end}",
            _ => $"/{end}",
        });

    /// <summary>A valid text with one character inserted, deleted or replaced: mostly invalid, sometimes still valid.</summary>
    public static Gen<string> MutatedText { get; } =
        from text in ValidText
        from at in Gen.Choose(0, text.Length - 1)
        from c in Gen.Elements('0', '9', '-', '/', '.', '?', '~', '%', ' ', 'X', 'T', '1')
        from kind in Gen.Choose(0, 2)
        select kind switch
        {
            0 => text.Insert(at, c.ToString()),
            1 => text.Remove(at, 1),
            _ => text.Remove(at, 1).Insert(at, c.ToString()),
        };
}
