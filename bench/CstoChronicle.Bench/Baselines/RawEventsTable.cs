using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Bench.Baselines;

/// <summary>
/// The baseline: a plain table of the same row shape and indexes as the store's events table,
/// written and read with raw Npgsql, in the same database and run as the store.
/// </summary>
public sealed class RawEventsTable(NpgsqlDataSource dataSource, string schema)
{
    private string Table => $"{schema}.raw_events";

    public async Task CreateAsync()
    {
        await using var command = dataSource.CreateCommand($"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (
                position    bigserial PRIMARY KEY,
                stream_id   text NOT NULL,
                version     bigint NOT NULL,
                event_id    uuid NOT NULL UNIQUE,
                type        text NOT NULL,
                data        jsonb NOT NULL,
                metadata    jsonb NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                UNIQUE (stream_id, version));
            """);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One row, one autocommitted INSERT: the cheapest durable single write Npgsql can make.</summary>
    public async Task InsertOneAsync(BenchEvent e)
    {
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {Table} (stream_id, version, event_id, type, data, metadata) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)");
        command.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Version });
        command.Parameters.Add(new NpgsqlParameter { Value = e.EventId });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Data });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Metadata });
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A batch as one binary COPY (atomic on its own).</summary>
    public async Task CopyAsync(IReadOnlyList<BenchEvent> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {Table} (stream_id, version, event_id, type, data, metadata) FROM STDIN (FORMAT BINARY)");
        foreach (var e in batch)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(e.StreamId, NpgsqlDbType.Text);
            await importer.WriteAsync(e.Version, NpgsqlDbType.Bigint);
            await importer.WriteAsync(e.EventId, NpgsqlDbType.Uuid);
            await importer.WriteAsync(e.Type, NpgsqlDbType.Text);
            await importer.WriteAsync(e.Data, NpgsqlDbType.Jsonb);
            await importer.WriteAsync(e.Metadata, NpgsqlDbType.Jsonb);
        }
        await importer.CompleteAsync();
    }

    /// <summary>Streams every row in position order, touching each column as a reader would.</summary>
    public async Task<long> ReadAllAsync()
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT position, stream_id, version, event_id, type, data::text, metadata::text, recorded_at FROM {Table} ORDER BY position");
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0, checksum = 0;
        while (await reader.ReadAsync())
        {
            checksum += reader.GetInt64(0) + reader.GetString(1).Length + reader.GetString(5).Length + reader.GetString(6).Length;
            _ = reader.GetGuid(3);
            _ = reader.GetFieldValue<DateTimeOffset>(7);
            rows++;
        }
        GC.KeepAlive(checksum);
        return rows;
    }
}
