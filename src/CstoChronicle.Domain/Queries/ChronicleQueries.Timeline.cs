using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.Settled;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    public const int MaxPageSize = 500;

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

    private static readonly string TimelinePage = TimelinePageSql(entity: false);
    private static readonly string TimelinePageOfEntity = TimelinePageSql(entity: true);

    /// <summary>
    /// One page in (earliest, latest, position) order of the facts that may fall from $2 to $3 (either may be null), after
    /// the cursor ($6, $7, $8). A fact reaches $2 when latest >= $2; read in order from the first day of history, that
    /// filter would walk every earlier fact. So the read is split by the class of a fact's span (chr_timeline_by_span):
    /// a fact of class k that reaches $2 began at most <see cref="ChronicleMigrations.TimelineSpanClasses"/>[k] days
    /// before it, and each class is read in order from there, its own LIMIT; the few long spans (class 4) that began
    /// before $2 come from the partial GiST index of their day ranges. Every part walks about as many index entries as
    /// it returns (docs/decisions/0103, 0106). No "$n IS NULL OR" around an index condition: the statement is prepared
    /// and PostgreSQL may plan it once for every value, so an absent bound is an infinite one, and the entity's filter,
    /// which picks another index, is a statement of its own.
    /// </summary>
    private static string TimelinePageSql(bool entity)
    {
        const string columns = TimelineRow.Columns;
        var filters = $$"""
            earliest <= coalesce($3::date, 'infinity') AND {{ClaimColumns.KnownAt("$1")}}
                    AND ($4::text[] IS NULL OR type = ANY($4)){{(entity ? " AND stream_id = $5" : " AND $5::text IS NULL")}}
                    AND ($6::date IS NULL OR (earliest, latest, position) > ($6, $7, $8))
            """;
        var parts = ChronicleMigrations.TimelineSpanClasses.Select((lookback, spanClass) => $$"""
            (SELECT {{columns}} FROM {schema}.chr_timeline
                  WHERE {{ChronicleMigrations.TimelineSpanClass}} = {{spanClass}}
                    AND earliest >= greatest(coalesce($2::date, '-infinity') - {{lookback}}, coalesce($6::date, '-infinity'))
                    AND latest >= coalesce($2::date, '-infinity')
                    AND {{filters}}
                  ORDER BY earliest, latest, position
                  LIMIT $9)
            """).Append($$"""
            (SELECT {{columns}} FROM {schema}.chr_timeline
                  WHERE {{ChronicleMigrations.TimelineSpanClass}} = {{ChronicleMigrations.TimelineSpanClasses.Count}}
                    AND earliest >= greatest(coalesce($2::date, '-infinity'), coalesce($6::date, '-infinity'))
                    AND {{filters}}
                  ORDER BY earliest, latest, position
                  LIMIT $9)
            """).Append($$"""
            (SELECT {{columns}} FROM {schema}.chr_timeline
                  WHERE {{ChronicleMigrations.TimelineLongSpan}} AND daterange(earliest, latest, '[]') @> $2::date AND earliest < $2::date
                    AND {{filters}})
            """);
        return $"""
            SELECT * FROM (
            {string.Join("\nUNION ALL\n", parts)}
            ) page
             ORDER BY earliest, latest, position
             LIMIT $9
            """;
    }

    private static async Task<(IReadOnlyList<TimelineItem> Items, string? NextCursor)> TimelinePageAsync(
        ReadSnapshot snapshot, DateOnly? from, DateOnly? to, IReadOnlyCollection<string>? types, string? entity,
        (DateOnly Earliest, DateOnly Latest, long Position)? after, int limit, CancellationToken ct)
    {
        await using var command = snapshot.Command(entity is null ? TimelinePage : TimelinePageOfEntity,
            Sql.Number(snapshot.KnownPosition), Sql.Day(from), Sql.Day(to), Sql.Texts(types is { Count: > 0 } ? types : null), Sql.Text(entity),
            Sql.Day(after?.Earliest), Sql.Day(after?.Latest), Sql.Number(after?.Position), Sql.Number(limit + 1));
        var rows = new List<TimelineRow>(Math.Min(limit + 1, 64));
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) rows.Add(TimelineRow.Read(reader));
        return TimelineRow.Page(rows, limit, from, to);
    }
}
