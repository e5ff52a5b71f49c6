using System.Data;
using CstoChronicle.Domain.Projections.Schema;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

/// <summary>
/// One read-only REPEATABLE READ transaction: every statement of a query sees the same committed state.
/// <see cref="KnownPosition"/> is the log position a knownAt instant resolves to (null: everything stored), and
/// <see cref="Position"/> the answer's basis: that position, or the head of the log in this very snapshot.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ReadSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, long? knownPosition, long position)
    {
        _connection = connection;
        _transaction = transaction;
        Schema = schema;
        KnownPosition = knownPosition;
        Position = position;
    }

    public string Schema { get; }
    public long? KnownPosition { get; }
    public long Position { get; }

    public static async Task<ReadSnapshot> OpenAsync(NpgsqlDataSource dataSource, string schema, DateTimeOffset? knownAt, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            long? knownPosition = knownAt is { } instant ? await ResolveAsync(connection, schema, instant, ct) : null;
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
                await readOnly.ExecuteNonQueryAsync(ct);
            var position = knownPosition ?? await HeadAsync(connection, transaction, schema, ct);
            return new ReadSnapshot(connection, transaction, schema, knownPosition, position);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The high-water mark recorded last at or before <paramref name="knownAt"/>. The shared lock waits for a mark being
    /// recorded right now, whose instant may fall before knownAt: once knownAt has passed, no later row can resolve it
    /// differently (docs/decisions/0004).
    /// </summary>
    private static async Task<long> ResolveAsync(NpgsqlConnection connection, string schema, DateTimeOffset knownAt, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using (var wait = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock_shared({KnownPositions.LockKey.Replace("{schema}", schema, StringComparison.Ordinal)})", connection, transaction))
            await wait.ExecuteNonQueryAsync(ct);
        long position;
        await using (var resolve = new NpgsqlCommand(
            $"SELECT coalesce((SELECT position FROM {schema}.chr_known_positions WHERE known_at <= $1 ORDER BY known_at DESC, position DESC LIMIT 1), 0)",
            connection, transaction))
        {
            resolve.Parameters.Add(Sql.Instant(knownAt));
            position = (long)(await resolve.ExecuteScalarAsync(ct))!;
        }
        await transaction.CommitAsync(ct);
        return position;
    }

    private static async Task<long> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var head = new NpgsqlCommand($"SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events", connection, transaction);
        return (long)(await head.ExecuteScalarAsync(ct))!;
    }

    /// <summary>A command in the snapshot; <c>{schema}</c> in <paramref name="sql"/> is the store's schema.</summary>
    public NpgsqlCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlCommand(sql.Replace("{schema}", Schema, StringComparison.Ordinal), _connection, _transaction);
        command.Parameters.AddRange(parameters);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
