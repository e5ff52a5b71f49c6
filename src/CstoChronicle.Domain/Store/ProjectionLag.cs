using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// How far one reader of the log is behind. For a projection or subscription of the daemon: positions between its
/// last projected one and the high-water mark. For the mark itself (<see cref="ProjectionLag.HighWaterMark"/>):
/// positions between the mark and the log's head, which grows when no node leads the daemon.
/// </summary>
/// <param name="Positions">Positions behind (holes of rolled-back appends count: the figure is an upper bound of events).</param>
/// <param name="Seconds">Age of the oldest event it has not processed, by the database's clock; 0 when it is level.</param>
public sealed record ShardLag(string Name, long Position, long Target, long Positions, double Seconds);

/// <summary>
/// Reads every daemon shard's progress against the high-water mark in one query on Marten's own tables
/// (<c>mt_event_progression</c>, <c>mt_events</c>): what /health/ready and the lag metrics report. Any node can read
/// it, whether or not it leads the daemon.
/// </summary>
public static class ProjectionLag
{
    public const string HighWaterMark = "HighWaterMark";

    public static async Task<IReadOnlyList<ShardLag>> ReadAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        var s = SchemaName.Validate(schema);
        // The age is taken from the first event past the reader's position, found through the seq_id primary key.
        await using var command = dataSource.CreateCommand($"""
            WITH mark AS (SELECT coalesce((SELECT last_seq_id FROM {s}.mt_event_progression WHERE name = '{HighWaterMark}'), 0) AS position),
                 head AS (SELECT coalesce((SELECT max(seq_id) FROM {s}.mt_events), 0) AS position),
                 readers AS (
                     SELECT '{HighWaterMark}' AS name, mark.position AS position, head.position AS target FROM mark, head
                     UNION ALL
                     SELECT p.name, p.last_seq_id, mark.position FROM {s}.mt_event_progression p, mark WHERE p.name NOT LIKE 'HighWater%')
            SELECT r.name, r.position, r.target,
                   coalesce(extract(epoch FROM now() - (
                       SELECT e.timestamp FROM {s}.mt_events e WHERE e.seq_id > r.position AND e.seq_id <= r.target
                       ORDER BY e.seq_id LIMIT 1)), 0)::float8
            FROM readers r ORDER BY r.name
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var lags = new List<ShardLag>();
        while (await reader.ReadAsync(ct))
        {
            var position = reader.GetInt64(1);
            var target = reader.GetInt64(2);
            lags.Add(new ShardLag(reader.GetString(0), position, target, Math.Max(0, target - position), Math.Max(0, reader.GetDouble(3))));
        }
        return lags;
    }
}
