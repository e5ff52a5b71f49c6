using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace CstoChronicle.Domain.Dates;

/// <summary>
/// A date in historical (valid) time, written in the EDTF subset the chronicle uses:
/// day, month or year precision (<c>1992-05-15</c>, <c>2016-10</c>, <c>2016</c>), the level-1
/// qualifiers <c>?</c> (uncertain), <c>~</c> (approximate) and <c>%</c> (both), and intervals
/// <c>start/end</c> whose ends may be open (<c>..</c>) or unknown (empty).
/// A date means the interval of days it may stand for: <see cref="Earliest"/> to <see cref="Latest"/>.
/// Qualifiers are recorded but never widen the bounds.
/// </summary>
[JsonConverter(typeof(HistoricalDateJsonConverter))]
public sealed class HistoricalDate : IEquatable<HistoricalDate>, IComparable<HistoricalDate>
{
    // The days certainly inside this date's span (see Contains); CertainFrom > CertainTo when there are none.
    private readonly DateOnly _certainFrom;
    private readonly DateOnly _certainTo;

    private HistoricalDate(string text, DateOnly earliest, DateOnly latest, DateOnly certainFrom, DateOnly certainTo,
        DatePrecision precision, bool isUncertain, bool isApproximate)
    {
        Text = text;
        Earliest = earliest;
        Latest = latest;
        _certainFrom = certainFrom;
        _certainTo = certainTo;
        Precision = precision;
        IsUncertain = isUncertain;
        IsApproximate = isApproximate;
    }

    /// <summary>The EDTF text exactly as written.</summary>
    public string Text { get; }

    /// <summary>The first day the date may mean (DateOnly.MinValue for an open or unknown start).</summary>
    public DateOnly Earliest { get; }

    /// <summary>The last day the date may mean (DateOnly.MaxValue for an open or unknown end).</summary>
    public DateOnly Latest { get; }

    /// <summary>Day, month or year; for an interval, the coarsest precision among its dated ends.</summary>
    public DatePrecision Precision { get; }

    /// <summary>Written with <c>?</c> or <c>%</c> (for an interval: on either end).</summary>
    public bool IsUncertain { get; }

    /// <summary>Written with <c>~</c> or <c>%</c> (for an interval: on either end).</summary>
    public bool IsApproximate { get; }

    /// <summary>Written as <c>start/end</c>.</summary>
    public bool IsInterval { get; private init; }

    /// <summary>The dated start of an interval; null for a single date and for an open or unknown start.</summary>
    public HistoricalDate? Start { get; private init; }

    /// <summary>The dated end of an interval; null for a single date and for an open or unknown end.</summary>
    public HistoricalDate? End { get; private init; }

    /// <summary>An interval whose start is open (<c>../end</c>): it reaches back indefinitely.</summary>
    public bool IsStartOpen { get; private init; }

    /// <summary>An interval whose start is unknown (<c>/end</c>): it began on some day not after its end.</summary>
    public bool IsStartUnknown { get; private init; }

    /// <summary>An interval whose end is open (<c>start/..</c>): it goes on indefinitely.</summary>
    public bool IsEndOpen { get; private init; }

    /// <summary>An interval whose end is unknown (<c>start/</c>): it ended on some day not before its start.</summary>
    public bool IsEndUnknown { get; private init; }

    public static HistoricalDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>Strict parse; on failure <paramref name="error"/> names the problem.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out HistoricalDate? date, out string? error)
    {
        date = HistoricalDateParser.Parse(text, out error);
        return date is not null;
    }

    /// <summary>The single day <paramref name="day"/>, written <c>yyyy-MM-dd</c>.</summary>
    public static HistoricalDate FromDay(DateOnly day) =>
        Single(day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), day, day, DatePrecision.Day, false, false);

    /// <summary>Has this date certainly, possibly or not at all happened by the end of <paramref name="day"/>?</summary>
    public Certainty IsOnOrBefore(DateOnly day) =>
        Latest <= day ? Certainty.Certain : Earliest <= day ? Certainty.Possible : Certainty.No;

    /// <summary>Does this date certainly, possibly or not at all fall after <paramref name="day"/>?</summary>
    public Certainty IsAfter(DateOnly day) =>
        Earliest > day ? Certainty.Certain : Latest > day ? Certainty.Possible : Certainty.No;

    /// <summary>
    /// Does this date take in <paramref name="day"/>? A single date is one day among Earliest..Latest, so it is
    /// <see cref="Certainty.Certain"/> only when it is that very day (day precision), <see cref="Certainty.Possible"/>
    /// for any other day within its bounds. An interval holds every day from its start to its end: a day is certain
    /// when it lies on or after every day the start may be and on or before every day the end may be
    /// (<c>2016/2018</c> certainly holds 2017-03-01; an open end certainly holds every later day; an unknown end
    /// certainly holds nothing beyond a day-precision start's own day), possible when within Earliest..Latest,
    /// and no outside them.
    /// </summary>
    public Certainty Contains(DateOnly day) =>
        day < Earliest || day > Latest ? Certainty.No
        : _certainFrom <= day && day <= _certainTo ? Certainty.Certain
        : Certainty.Possible;

    /// <summary>Timeline order: by Earliest, then Latest, then Text (ordinal); null first.</summary>
    public int CompareTo(HistoricalDate? other)
    {
        if (other is null) return 1;
        var byEarliest = Earliest.CompareTo(other.Earliest);
        if (byEarliest != 0) return byEarliest;
        var byLatest = Latest.CompareTo(other.Latest);
        return byLatest != 0 ? byLatest : string.CompareOrdinal(Text, other.Text);
    }

    public bool Equals(HistoricalDate? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as HistoricalDate);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;

    public static bool operator ==(HistoricalDate? left, HistoricalDate? right) =>
        left is null ? right is null : left.Equals(right);

    public static bool operator !=(HistoricalDate? left, HistoricalDate? right) => !(left == right);

    internal static HistoricalDate Single(string text, DateOnly earliest, DateOnly latest, DatePrecision precision,
        bool isUncertain, bool isApproximate) =>
        new(text, earliest, latest, latest, earliest, precision, isUncertain, isApproximate);

    /// <summary>An interval; a null end is open when its flag says so, unknown otherwise. Validated by the parser.</summary>
    internal static HistoricalDate Interval(string text, HistoricalDate? start, bool startOpen, HistoricalDate? end, bool endOpen)
    {
        // Each end is the range of days it may be: open ends sit at the far edge, unknown ends may be anywhere.
        var (startEarliest, startLatest) = start is not null ? (start.Earliest, start.Latest)
            : startOpen ? (DateOnly.MinValue, DateOnly.MinValue) : (DateOnly.MinValue, DateOnly.MaxValue);
        var (endEarliest, endLatest) = end is not null ? (end.Earliest, end.Latest)
            : endOpen ? (DateOnly.MaxValue, DateOnly.MaxValue) : (DateOnly.MinValue, DateOnly.MaxValue);

        // The start is at most min(startLatest, endLatest) and the end at least max(endEarliest, startEarliest),
        // because an interval never ends before it starts; the days between are inside whatever the ends turn out to be.
        var certainFrom = Min(startLatest, endLatest);
        var certainTo = Max(endEarliest, startEarliest);
        var precision = (DatePrecision)Math.Max((int)(start?.Precision ?? DatePrecision.Day), (int)(end?.Precision ?? DatePrecision.Day));

        return new HistoricalDate(text, startEarliest, endLatest, certainFrom, certainTo, precision,
            start?.IsUncertain == true || end?.IsUncertain == true,
            start?.IsApproximate == true || end?.IsApproximate == true)
        {
            IsInterval = true,
            Start = start,
            End = end,
            IsStartOpen = start is null && startOpen,
            IsStartUnknown = start is null && !startOpen,
            IsEndOpen = end is null && endOpen,
            IsEndUnknown = end is null && !endOpen,
        };
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a <= b ? a : b;
    private static DateOnly Max(DateOnly a, DateOnly b) => a >= b ? a : b;
}
