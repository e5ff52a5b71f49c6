using System.Text.Json.Serialization;

namespace CstoChronicle.Domain.Dates;

/// <summary>
/// A date in historical (valid) time, written in the EDTF subset the chronicle uses:
/// day, month or year precision (<c>1992-05-15</c>, <c>2016-10</c>, <c>2016</c>), the level-1
/// qualifiers <c>?</c> (uncertain), <c>~</c> (approximate) and <c>%</c> (both), and intervals
/// <c>start/end</c> whose ends may be open (<c>..</c>) or unknown (empty).
/// A date means the interval of days it may stand for: <see cref="Earliest"/> to <see cref="Latest"/>.
/// </summary>
[JsonConverter(typeof(HistoricalDateJsonConverter))]
public sealed class HistoricalDate : IEquatable<HistoricalDate>
{
    // CONTRACT STUB: the Dates owner replaces the bodies; the public surface stays.
    private HistoricalDate(string text, DateOnly earliest, DateOnly latest)
    {
        Text = text;
        Earliest = earliest;
        Latest = latest;
    }

    /// <summary>The EDTF text exactly as written.</summary>
    public string Text { get; }

    /// <summary>The first day the date may mean (DateOnly.MinValue for an open start).</summary>
    public DateOnly Earliest { get; }

    /// <summary>The last day the date may mean (DateOnly.MaxValue for an open end).</summary>
    public DateOnly Latest { get; }

    public static HistoricalDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>Strict parse; on failure <paramref name="error"/> names the problem.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HistoricalDate? date, out string? error) =>
        throw new NotImplementedException();

    /// <summary>Has this date certainly, possibly or not at all happened by the end of <paramref name="day"/>?</summary>
    public Certainty IsOnOrBefore(DateOnly day) =>
        Latest <= day ? Certainty.Certain : Earliest <= day ? Certainty.Possible : Certainty.No;

    /// <summary>Does this date certainly, possibly or not at all fall after <paramref name="day"/>?</summary>
    public Certainty IsAfter(DateOnly day) =>
        Earliest > day ? Certainty.Certain : Latest > day ? Certainty.Possible : Certainty.No;

    public bool Equals(HistoricalDate? other) => other is not null && other.Text == Text;
    public override bool Equals(object? obj) => Equals(obj as HistoricalDate);
    public override int GetHashCode() => Text.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Text;
}
