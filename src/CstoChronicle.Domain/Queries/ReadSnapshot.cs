using System.Data;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

/// <summary>
/// One read-only REPEATABLE READ transaction: every statement of a query sees the same committed state, and
/// <see cref="Position"/>, read first, is the store's head in that very snapshot (the answer's basis).
/// </summary>
internal sealed class ReadSnapshot : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;

    private ReadSnapshot(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, long position)
    {
        _connection = connection;
        _transaction = transaction;
        Schema = schema;
        Position = position;
    }

    public string Schema { get; }
    public long Position { get; }

    public static async Task<ReadSnapshot> OpenAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, transaction))
                await readOnly.ExecuteNonQueryAsync(ct);
            await using var head = new NpgsqlCommand($"SELECT last_position FROM {schema}.es_position", connection, transaction);
            var position = (long)(await head.ExecuteScalarAsync(ct))!;
            return new ReadSnapshot(connection, transaction, schema, position);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
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
