using Npgsql;

namespace CstoChronicle.EventStore.Daemon;

/// <summary>The es_progression rows: one checkpoint (last processed position) per projection.</summary>
internal sealed class Checkpoints(NpgsqlDataSource dataSource, string schema)
{
    public async Task EnsureAsync(IEnumerable<string> names, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"""
            INSERT INTO {schema}.es_progression (name, last_position, updated_at)
            SELECT unnest($1::text[]), 0, now()
            ON CONFLICT (name) DO NOTHING
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = names.ToArray() });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Locks the row to the end of the transaction: two processors of one projection take turns, never overlap.</summary>
    public async Task<long> LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT last_position FROM {schema}.es_progression WHERE name = $1 FOR UPDATE", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteScalarAsync(ct) is long position
            ? position
            : throw new InvalidOperationException($"No checkpoint row for projection '{name}'.");
    }

    public async Task SetAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string name, long position, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {schema}.es_progression SET last_position = $2, updated_at = now() WHERE name = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = position });
        await command.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyDictionary<string, long>> ReadAllAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT name, last_position FROM {schema}.es_progression");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var checkpoints = new Dictionary<string, long>();
        while (await reader.ReadAsync(ct)) checkpoints[reader.GetString(0)] = reader.GetInt64(1);
        return checkpoints;
    }
}
