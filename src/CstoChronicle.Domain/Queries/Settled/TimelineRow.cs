using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Queries.Settled;

/// <summary>
/// One row of chr_timeline held by <see cref="TimelineIndex"/>: a version of a fact, visible to a query at position P
/// when it was written at or before P and not ended (superseded or retracted) at or before P. Only
/// <see cref="EndedAt"/> ever changes, once, when a correction or retraction ends the version.
/// </summary>
public sealed class TimelineRow(
    Guid eventId, Guid writtenBy, long position, HistoricalDate on, ClaimRank rank, string type, string entity, string title,
    DateTimeOffset recordedAt, DateOnly earliest, DateOnly latest, long endedAt)
{
    private long _endedAt = endedAt;

    public Guid EventId { get; } = eventId;
    public Guid WrittenBy { get; } = writtenBy;
    public long Position { get; } = position;
    public HistoricalDate On { get; } = on;
    public ClaimRank Rank { get; } = rank;
    public string Type { get; } = type;
    public string Entity { get; } = entity;
    public string Title { get; } = title;
    public DateTimeOffset RecordedAt { get; } = recordedAt;

    /// <summary>The row's earliest and latest columns: the order of the timeline (open ends are DateOnly's extremes).</summary>
    public DateOnly Earliest { get; } = earliest;
    public DateOnly Latest { get; } = latest;

    /// <summary>The position of the correction or retraction that ended this version; <see cref="long.MaxValue"/> while current.</summary>
    public long EndedAt => Volatile.Read(ref _endedAt);

    public bool IsVisibleAt(long position) => Position <= position && position < EndedAt;

    /// <summary>A version ends once: a later ending cannot move it.</summary>
    public void EndAt(long position)
    {
        var ended = EndedAt;
        while (position < ended)
        {
            var was = Interlocked.CompareExchange(ref _endedAt, position, ended);
            if (was == ended) return;
            ended = was;
        }
    }

    public TimelineItem ToItem(DateOnly? from, DateOnly? to) =>
        new(EventId, Type, Entity, On, Title, Rank, DayWindow.Holds(On, from, to), RecordedAt, Position,
            WrittenBy == EventId ? [EventId] : [EventId, WrittenBy]);

    /// <summary>The timeline's order, as the SQL's <c>ORDER BY earliest, latest, position</c>.</summary>
    public static int Compare(TimelineRow a, TimelineRow b)
    {
        var order = a.Earliest.CompareTo(b.Earliest);
        if (order != 0) return order;
        order = a.Latest.CompareTo(b.Latest);
        return order != 0 ? order : a.Position.CompareTo(b.Position);
    }

    public bool IsAfter((DateOnly Earliest, DateOnly Latest, long Position) cursor)
    {
        var order = Earliest.CompareTo(cursor.Earliest);
        if (order != 0) return order > 0;
        order = Latest.CompareTo(cursor.Latest);
        return order != 0 ? order > 0 : Position > cursor.Position;
    }
}
