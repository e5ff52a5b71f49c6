using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    public const int MaxPageSize = 500;

    private const int LongSpanDays = ChronicleMigrations.TimelineLongSpanDays;

    /// <summary>
    /// Historical events whose dates (possibly) fall from <paramref name="from"/> to <paramref name="to"/>, in historical
    /// order, every claim shown with its rank. <paramref name="types"/> filters by event type, <paramref name="entity"/>
    /// by stream. Throws <see cref="InvalidCursorException"/> for a cursor it did not issue.
    /// </summary>
    public async Task<TimelineAnswer> TimelineAsync(
        DateOnly? from = null, DateOnly? to = null, IReadOnlyCollection<string>? types = null, string? entity = null,
        string? cursor = null, int limit = 100, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var after = cursor is null ? ((DateOnly, DateOnly, long)?)null : Cursors.ReadTimeline(cursor);
        await using var snapshot = await OpenAsync(knownAt, ct);
        var (items, next) = await TimelinePageAsync(snapshot, from, to, types, entity, after, limit, ct);
        return new TimelineAnswer(Basis(snapshot, null, knownAt), items, next);
    }

    /// <summary>
    /// The same page read at a settled <paramref name="position"/> (a high-water mark, known at <paramref name="knownAt"/>):
    /// one statement, no transaction.
    /// </summary>
    public async Task<TimelineAnswer> TimelineAtAsync(
        long position, DateTimeOffset knownAt, DateOnly? from = null, DateOnly? to = null, IReadOnlyCollection<string>? types = null,
        string? entity = null, string? cursor = null, int limit = 100, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var after = cursor is null ? ((DateOnly, DateOnly, long)?)null : Cursors.ReadTimeline(cursor);
        await using var snapshot = await ReadSnapshot.OpenAtAsync(dataSource, _schema, position, ct);
        var (items, next) = await TimelinePageAsync(snapshot, from, to, types, entity, after, limit, ct);
        return new TimelineAnswer(new QueryBasis(null, knownAt.ToUniversalTime(), position), items, next);
    }

    private static async Task<(IReadOnlyList<TimelineItem> Items, string? NextCursor)> TimelinePageAsync(
        ReadSnapshot snapshot, DateOnly? from, DateOnly? to, IReadOnlyCollection<string>? types, string? entity,
        (DateOnly Earliest, DateOnly Latest, long Position)? after, int limit, CancellationToken ct)
    {
        // Two index-friendly parts instead of one filter on latest >= from, which would walk the (earliest, ...) index
        // from the first day of history. Facts that began at most LongSpanDays before `from` (every day, month and
        // year date) are read in order from the btree, starting LongSpanDays before `from`; the rare facts that began
        // longer before and may still span `from` (long or open intervals) come from a partial GiST index of their
        // day ranges. docs/decisions/0103.
        var filters = $$"""
            {{ClaimColumns.KnownAt("$1")}}
               AND ($4::text[] IS NULL OR type = ANY($4))
               AND ($5::text IS NULL OR stream_id = $5)
               AND ($6::date IS NULL OR (earliest, latest, position) > ($6, $7, $8))
            """;
        const string columns = $"{ClaimColumns.Select}, type, stream_id, title, recorded_at, earliest, latest";
        await using var command = snapshot.Command($$"""
            SELECT * FROM (
                (SELECT {{columns}} FROM {schema}.chr_timeline
                  WHERE $2::date IS NOT NULL AND earliest < $2::date - {{LongSpanDays}}
                    AND {{ChronicleMigrations.TimelineLongSpan}} AND daterange(earliest, latest, '[]') @> $2::date
                    AND ($3::date IS NULL OR earliest <= $3)
                    AND {{filters}})
                UNION ALL
                (SELECT {{columns}} FROM {schema}.chr_timeline
                  WHERE ($2::date IS NULL OR (earliest >= $2::date - {{LongSpanDays}} AND latest >= $2))
                    AND ($3::date IS NULL OR earliest <= $3)
                    AND {{filters}}
                  ORDER BY earliest, latest, position
                  LIMIT $9)
            ) page
             ORDER BY earliest, latest, position
             LIMIT $9
            """,
            Sql.Number(snapshot.KnownPosition), Sql.Day(from), Sql.Day(to), Sql.Texts(types is { Count: > 0 } ? types : null), Sql.Text(entity),
            Sql.Day(after?.Earliest), Sql.Day(after?.Latest), Sql.Number(after?.Position), Sql.Number(limit + 1));
        DateOnly lastEarliest = default, lastLatest = default;

        // The page as it is read: one list of items; one more row than the page only says that there is a next page.
        var items = new List<TimelineItem>(Math.Min(limit, 64));
        string? next = null;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                if (items.Count == limit)
                {
                    var last = items[^1];
                    next = Cursors.Timeline(lastEarliest, lastLatest, last.Position);
                    break;
                }
                var version = ClaimReader.Version(reader);
                items.Add(new TimelineItem(version.EventId, reader.GetString(5), reader.GetString(6), version.On, reader.GetString(7),
                    version.Rank, DayWindow.Holds(version.On, from, to), reader.GetFieldValue<DateTimeOffset>(8), version.Position, version.EventIds));
                lastEarliest = reader.GetFieldValue<DateOnly>(9);
                lastLatest = reader.GetFieldValue<DateOnly>(10);
            }
        }
        return (items, next);
    }
}
