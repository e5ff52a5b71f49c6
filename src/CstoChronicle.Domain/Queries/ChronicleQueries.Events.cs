using System.Text.Json;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    /// <summary>One event as recorded, with its sources resolved and its fate (superseded, retracted); null when unknown.</summary>
    public async Task<EventAnswer?> EventAsync(Guid eventId, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        await using var snapshot = await OpenAsync(knownAt, ct);
        var events = await ReadLogAsync(snapshot, "event_id = $2", [Sql.Id(eventId)], int.MaxValue, ct);
        return events.Count == 0 ? null : new EventAnswer(Basis(snapshot, null, knownAt), events[0]);
    }

    /// <summary>Every event of one entity (stream) recorded by knownAt, in recorded order, corrections and retractions included.</summary>
    public async Task<EntityHistoryAnswer> EntityHistoryAsync(string entityId, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        await using var snapshot = await OpenAsync(knownAt, ct);
        var events = await ReadLogAsync(snapshot, "stream_id = $2", [Sql.Text(entityId)], int.MaxValue, ct);
        return new EntityHistoryAnswer(Basis(snapshot, null, knownAt), entityId, events);
    }

    /// <summary>
    /// What was recorded, by whom, when, why and citing what, in recorded order: optionally of one entity only and
    /// recorded from <paramref name="fromRecorded"/> to <paramref name="toRecorded"/> inclusive.
    /// </summary>
    public async Task<AuditAnswer> AuditAsync(
        string? entity = null, DateTimeOffset? fromRecorded = null, DateTimeOffset? toRecorded = null,
        string? cursor = null, int limit = 100, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var after = cursor is null ? 0 : Cursors.ReadAudit(cursor);

        await using var snapshot = await OpenAsync(toRecorded, ct);
        var events = await ReadLogAsync(snapshot,
            "($2::text IS NULL OR stream_id = $2) AND ($3::timestamptz IS NULL OR recorded_at >= $3) AND position > $4",
            [Sql.Text(entity), Sql.Instant(fromRecorded), Sql.Number(after)], limit + 1, ct);
        var page = events.Take(limit).ToList();
        var next = events.Count > limit ? Cursors.Audit(page[^1].Position) : null;
        return new AuditAnswer(Basis(snapshot, null, toRecorded), page, next);
    }

    /// <summary>
    /// chr_log rows matching <paramref name="filter"/> (whose parameters start at $2) known at the snapshot's position ($1), in
    /// position order, with their citations and their data as Marten stored it; a fate later than knownAt is not shown.
    /// </summary>
    private static async Task<List<EventDetail>> ReadLogAsync(
        ReadSnapshot snapshot, string filter, NpgsqlParameter[] filterParameters, int limit, CancellationToken ct)
    {
        var limitParameter = "$" + (filterParameters.Length + 2);
        await using var command = snapshot.Command($$"""
            SELECT l.event_id, l.type, l.stream_id, l.version, l.position, l.on_text, l.title, e.data::text, l.recorded_at, l.recorded_by,
                   l.reason, l.target,
                   CASE WHEN l.superseded_position <= coalesce($1, {{long.MaxValue}}) THEN l.superseded_by END,
                   CASE WHEN l.retracted_position <= coalesce($1, {{long.MaxValue}}) THEN l.retracted_by END
              FROM (SELECT * FROM {schema}.chr_log
                     WHERE position <= coalesce($1, {{long.MaxValue}}) AND {{filter}}
                     ORDER BY position
                     LIMIT {{limitParameter}}) AS l
              JOIN {schema}.mt_events AS e ON e.seq_id = l.position
             ORDER BY l.position
            """,
            [Sql.Number(snapshot.KnownPosition), .. filterParameters, Sql.Number(limit)]);

        var rows = new List<EventDetail>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                using var data = JsonDocument.Parse(reader.GetString(7));
                rows.Add(new EventDetail(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4),
                    ClaimReader.Text(reader, 5) is { } on ? HistoricalDate.Parse(on) : null, ClaimReader.Text(reader, 6),
                    data.RootElement.Clone(), [], reader.GetFieldValue<DateTimeOffset>(8), ClaimReader.Text(reader, 9), ClaimReader.Text(reader, 10),
                    Guid(reader, 11), Guid(reader, 12), Guid(reader, 13)));
            }
        }

        var citations = await CitationReader.ForEventsAsync(snapshot, rows.Select(r => r.EventId).ToList(), ct);
        return rows.Select(r => citations.TryGetValue(r.EventId, out var sources) ? r with { Sources = sources } : r).ToList();
    }

    private static Guid? Guid(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetGuid(ordinal);
}
