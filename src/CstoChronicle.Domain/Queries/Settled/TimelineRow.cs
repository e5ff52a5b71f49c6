using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;
using Npgsql;

namespace CstoChronicle.Domain.Queries.Settled;

/// <summary>
/// One row of chr_timeline, as the timeline's SQL reads it and as <see cref="TimelineIndex"/> holds it: a version of a fact, visible to a query at position P
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

    /// <summary>The columns <see cref="Read"/> reads, in its order, unqualified: select them from chr_timeline alone.</summary>
    internal const string Columns = $"{ClaimColumns.Select}, type, stream_id, title, recorded_at, earliest, latest, least(superseded_position, retracted_position)";

    /// <summary>
    /// The row a reader of <see cref="Columns"/> is on. <paramref name="dateOf"/> and <paramref name="nameOf"/> may share
    /// equal dates and names between rows (the index holds many rows of one day, type or entity).
    /// </summary>
    internal static TimelineRow Read(NpgsqlDataReader reader, Func<string, HistoricalDate>? dateOf = null, Func<string, string>? nameOf = null)
    {
        var version = ClaimReader.Version(reader, dateOf);
        nameOf ??= name => name;
        return new TimelineRow(version.EventId, version.WrittenBy, version.Position, version.On, version.Rank,
            nameOf(reader.GetString(5)), nameOf(reader.GetString(6)), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8),
            reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<DateOnly>(10), reader.IsDBNull(11) ? long.MaxValue : reader.GetInt64(11));
    }

    /// <summary>
    /// A page of the timeline from <paramref name="rows"/> in the timeline's order, at most one more than
    /// <paramref name="limit"/>: that one only says that a next page exists, which the cursor then resumes after.
    /// </summary>
    internal static (IReadOnlyList<TimelineItem> Items, string? NextCursor) Page(IReadOnlyList<TimelineRow> rows, int limit, DateOnly? from, DateOnly? to)
    {
        var count = Math.Min(rows.Count, limit);
        var items = new TimelineItem[count];
        for (var i = 0; i < count; i++) items[i] = rows[i].ToItem(from, to);
        var next = rows.Count > limit ? Cursors.Timeline(rows[count - 1].Earliest, rows[count - 1].Latest, rows[count - 1].Position) : null;
        return (items, next);
    }

    private TimelineItem ToItem(DateOnly? from, DateOnly? to) =>
        new(EventId, Type, Entity, On, Title, Rank, DayWindow.Holds(On, from, to), RecordedAt, Position, ClaimVersion.IdsOf(EventId, WrittenBy));

    /// <summary>The timeline's order, as the SQL's <c>ORDER BY earliest, latest, position</c>.</summary>
    public static int Compare(TimelineRow a, TimelineRow b) => a.CompareTo(b.Earliest, b.Latest, b.Position);

    /// <summary>Whether this row comes after a cursor's place in the timeline's order.</summary>
    public bool IsAfter((DateOnly Earliest, DateOnly Latest, long Position) cursor) => CompareTo(cursor.Earliest, cursor.Latest, cursor.Position) > 0;

    private int CompareTo(DateOnly earliest, DateOnly latest, long position)
    {
        var order = Earliest.CompareTo(earliest);
        if (order != 0) return order;
        order = Latest.CompareTo(latest);
        return order != 0 ? order : Position.CompareTo(position);
    }
}
