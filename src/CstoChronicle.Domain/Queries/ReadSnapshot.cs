using System.Data;
using CstoChronicle.Domain.Projections.Schema;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

/// <summary>
/// What one query reads from. At a settled position (<see cref="KnownPosition"/>: a knownAt resolved to a high-water mark,
/// or a mark the caller already knows) every row a statement reads has committed for good, so each statement gives the
/// same rows whenever it runs: no transaction is needed, and none is opened. Without one (everything stored), a
/// read-only REPEATABLE READ transaction makes every statement see the same committed state, and <see cref="Position"/>
/// is the head of the log in that very snapshot.
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction? _transaction;

    private ReadSnapshot(NpgsqlConnection connection, NpgsqlTransaction? transaction, string schema, long? knownPosition, long position)
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
            if (knownAt is { } instant)
            {
                var known = await ResolveAsync(connection, schema, instant, ct);
                return new ReadSnapshot(connection, null, schema, known, known);
            }
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            var position = await HeadAsync(connection, transaction, schema, ct);
            return new ReadSnapshot(connection, transaction, schema, null, position);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Reads at <paramref name="position"/>, a high-water mark recorded in chr_known_positions: no transaction.</summary>
    public static async Task<ReadSnapshot> OpenAtAsync(NpgsqlDataSource dataSource, string schema, long position, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        return new ReadSnapshot(connection, null, schema, position, position);
    }

    /// <summary>The position a knownAt instant resolves to (see <see cref="ResolveAsync(NpgsqlConnection, string, DateTimeOffset, CancellationToken)"/>).</summary>
    public static async Task<long> ResolveAsync(NpgsqlDataSource dataSource, string schema, DateTimeOffset knownAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ResolveAsync(connection, schema, knownAt, ct);
    }

    /// <summary>
    /// The high-water mark recorded last at or before <paramref name="knownAt"/>. The shared lock waits for a mark being
    /// recorded right now, whose instant may fall before knownAt: once knownAt has passed, no later row can resolve it
    /// differently (docs/decisions/0004). One round trip: the statements run in order in one READ COMMITTED transaction,
    /// so the SELECT takes its snapshot after the lock is granted.
    /// </summary>
    private static async Task<long> ResolveAsync(NpgsqlConnection connection, string schema, DateTimeOffset knownAt, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("BEGIN READ ONLY"),
                new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock_shared({KnownPositions.LockKey.Replace("{schema}", schema, StringComparison.Ordinal)})"),
                new NpgsqlBatchCommand(
                    $"SELECT coalesce((SELECT position FROM {schema}.chr_known_positions WHERE known_at <= $1 ORDER BY known_at DESC, position DESC LIMIT 1), 0) AS resolved")
                {
                    Parameters = { Sql.Instant(knownAt) },
                },
                new NpgsqlBatchCommand("COMMIT"),
            },
        };
        return await NamedResultAsync(batch, "resolved", ct);
    }

    /// <summary>
    /// Makes the transaction read-only and reads the head in it: one round trip (Npgsql sends the BEGIN with it), and the
    /// head's SELECT takes the transaction's snapshot.
    /// </summary>
    private static async Task<long> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SET TRANSACTION READ ONLY"),
                new NpgsqlBatchCommand($"SELECT coalesce(max(seq_id), 0) AS head FROM {schema}.mt_events"),
            },
        };
        return await NamedResultAsync(batch, "head", ct);
    }

    /// <summary>The one bigint of the batch's statement whose single column is named <paramref name="column"/>; the others return nothing.</summary>
    private static async Task<long> NamedResultAsync(NpgsqlBatch batch, string column, CancellationToken ct)
    {
        await using var reader = await batch.ExecuteReaderAsync(ct);
        do
        {
            if (reader.FieldCount == 1 && reader.GetName(0) == column && await reader.ReadAsync(ct)) return reader.GetInt64(0);
        }
        while (await reader.NextResultAsync(ct));
        throw new InvalidOperationException($"The batch returned no '{column}'.");
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
        if (_transaction is not null) await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
