using Npgsql;

namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>A small projection for tests: per stream, how many events and the last type. Counts what it applied.</summary>
public sealed class StreamCountProjection(string table = "test_stream_counts", IReadOnlyCollection<string>? eventTypes = null) : IProjection
{
    private int _applied;

    public string Name => table;
    public IReadOnlyCollection<string>? EventTypes => eventTypes;
    public int Applied => Volatile.Read(ref _applied);
    public List<long> AppliedPositions { get; } = [];

    public static async Task CreateTableAsync(PostgresSchemaFixture fixture, string table = "test_stream_counts") =>
        await fixture.ExecuteAsync($"""
            CREATE TABLE IF NOT EXISTS {fixture.Schema}.{table} (
                stream_id text PRIMARY KEY, events bigint NOT NULL, last_type text NOT NULL, last_position bigint NOT NULL)
            """);

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        foreach (var e in events)
        {
            await using var command = new NpgsqlCommand($"""
                INSERT INTO {context.Schema}.{table} AS t (stream_id, events, last_type, last_position) VALUES ($1, 1, $2, $3)
                ON CONFLICT (stream_id) DO UPDATE SET events = t.events + 1, last_type = excluded.last_type, last_position = excluded.last_position
                """, context.Connection, context.Transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Type });
            command.Parameters.Add(new NpgsqlParameter { Value = e.Position });
            await command.ExecuteNonQueryAsync(ct);
        }
        lock (AppliedPositions) AppliedPositions.AddRange(events.Select(e => e.Position));
        Interlocked.Add(ref _applied, events.Count);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"TRUNCATE {context.Schema}.{table}", context.Connection, context.Transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    public static async Task<List<(string Stream, long Events, string LastType, long LastPosition)>> ReadTableAsync(
        PostgresSchemaFixture fixture, string table = "test_stream_counts")
    {
        await using var command = fixture.DataSource.CreateCommand(
            $"SELECT stream_id, events, last_type, last_position FROM {fixture.Schema}.{table} ORDER BY stream_id");
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(string, long, string, long)>();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetInt64(3)));
        return rows;
    }
}
