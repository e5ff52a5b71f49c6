using System.Globalization;
using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Api.Http;

/// <summary>
/// The two time axes of a query: <c>asOf</c>, a historical day (EDTF YYYY-MM-DD, default today) and <c>knownAt</c>,
/// a recorded instant (RFC 3339; null: everything recorded, reported as now). An answer at a knownAt safely in
/// the past never changes.
/// </summary>
public sealed record PointInTime(DateOnly AsOf, DateTimeOffset? KnownAt, bool KnownAtIsSettled)
{
    /// <summary>How far behind now a knownAt must be for its answer to be final: appends in flight have committed by then.</summary>
    public static readonly TimeSpan SettledAfter = TimeSpan.FromMinutes(1);

    public static PointInTime Parse(string? asOf, string? knownAt, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var day = asOf is null ? DateOnly.FromDateTime(now.UtcDateTime) : ParseDay("asOf", asOf);
        var instant = ParseKnownAt(knownAt, clock);
        return new PointInTime(day, instant, IsSettled(instant, clock));
    }

    /// <summary>An optional knownAt: an RFC 3339 instant not in the future.</summary>
    public static DateTimeOffset? ParseKnownAt(string? knownAt, TimeProvider clock)
    {
        if (knownAt is null) return null;
        var instant = ParseInstant("knownAt", knownAt);
        if (instant > clock.GetUtcNow())
            throw new ProblemException(Problems.InvalidParameter("knownAt", $"'{knownAt}' is in the future; the service cannot know yet what it will record"));
        return instant;
    }

    /// <summary>An optional minPosition: the position a client's own write got (read-your-writes), at least 0.</summary>
    public static long? ParseMinPosition(long? minPosition) =>
        minPosition is < 0 ? throw new ProblemException(Problems.InvalidParameter("minPosition", $"'{minPosition}' is negative: pass the position a write answered")) : minPosition;

    public static bool IsSettled(DateTimeOffset? knownAt, TimeProvider clock) => knownAt is { } instant && instant <= clock.GetUtcNow() - SettledAfter;

    /// <summary>An EDTF day, exactly YYYY-MM-DD, a real calendar day, without qualifiers.</summary>
    public static DateOnly ParseDay(string parameter, string text)
    {
        if (!HistoricalDate.TryParse(text, out var date, out var error))
            throw new ProblemException(Problems.InvalidParameter(parameter, error ?? $"'{text}' is not an EDTF day"));
        if (date.IsInterval || date.Precision != DatePrecision.Day || date.IsUncertain || date.IsApproximate)
            throw new ProblemException(Problems.InvalidParameter(parameter, $"'{text}' is not a single day: write YYYY-MM-DD, e.g. 2006-12-31"));
        return date.Earliest;
    }

    /// <summary>An EDTF date of any precision (a year, a month, a day), for ranges: the days it may mean.</summary>
    public static HistoricalDate ParseDate(string parameter, string text)
    {
        if (!HistoricalDate.TryParse(text, out var date, out var error))
            throw new ProblemException(Problems.InvalidParameter(parameter, error ?? $"'{text}' is not an EDTF date"));
        if (date.IsInterval)
            throw new ProblemException(Problems.InvalidParameter(parameter, $"'{text}' is an interval: give one date (YYYY, YYYY-MM or YYYY-MM-DD)"));
        return date;
    }

    /// <summary>
    /// A recorded instant, or a date (YYYY, YYYY-MM or YYYY-MM-DD, as the timeline takes) read in UTC as the first instant
    /// of its first day, or with <paramref name="endOfDay"/> the last instant of its last day, so that a range of dates is inclusive.
    /// </summary>
    public static DateTimeOffset ParseInstantOrDate(string parameter, string text, bool endOfDay)
    {
        if (text.Contains('T') || text.Contains('t')) return ParseInstant(parameter, text);
        if (text.Length > 10 || !HistoricalDate.TryParse(text, out var date, out _) || date.IsInterval || date.IsUncertain || date.IsApproximate)
            throw new ProblemException(Problems.InvalidParameter(parameter,
                $"'{text}' is neither an RFC 3339 instant such as 2025-01-01T00:00:00Z nor a date YYYY, YYYY-MM or YYYY-MM-DD"));
        return endOfDay
            ? new DateTimeOffset(date.Latest.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero)
            : new DateTimeOffset(date.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }

    /// <summary>An RFC 3339 instant with its offset (Z or ±hh:mm), e.g. 2025-01-01T00:00:00Z.</summary>
    public static DateTimeOffset ParseInstant(string parameter, string text)
    {
        string[] formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];
        var normalized = text.Replace('t', 'T').Replace('z', 'Z');
        if (text.Length > 40 || !DateTimeOffset.TryParseExact(normalized, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            || !(normalized.EndsWith('Z') || normalized[^6] is '+' or '-'))
            throw new ProblemException(Problems.InvalidParameter(parameter, $"'{text}' is not an RFC 3339 instant such as 2025-01-01T00:00:00Z"));
        return instant.ToUniversalTime();
    }
}
