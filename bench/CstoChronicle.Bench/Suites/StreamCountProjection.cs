using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>A small realistic projection for the rebuild benchmark: events and last type per stream, one upsert per batch.</summary>
public sealed class StreamCountProjection : IProjection
{
    public string Name => "bench_stream_counts";
    public IReadOnlyCollection<string>? EventTypes => null;

    public static string CreateTableSql(string schema) =>
        $"CREATE TABLE IF NOT EXISTS {schema}.bench_stream_counts (stream_id text PRIMARY KEY, events bigint NOT NULL, last_type text NOT NULL)";

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var perStream = events.GroupBy(e => e.StreamId).Select(g => (Stream: g.Key, Count: (long)g.Count(), Last: g.Last().Type)).ToArray();
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {context.Schema}.bench_stream_counts (stream_id, events, last_type)
            SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])
            ON CONFLICT (stream_id) DO UPDATE SET events = bench_stream_counts.events + excluded.events, last_type = excluded.last_type
            """, context.Connection, context.Transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = perStream.Select(s => s.Stream).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = perStream.Select(s => s.Count).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = perStream.Select(s => s.Last).ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"TRUNCATE {context.Schema}.bench_stream_counts", context.Connection, context.Transaction);
        await command.ExecuteNonQueryAsync(ct);
    }
}
