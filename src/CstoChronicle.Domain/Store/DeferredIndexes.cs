using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// The secondary indexes of the chronicle tables, dropped while a rebuild refills the emptied tables and built again in
/// one pass at its end (docs/decisions/0007): maintaining them row by row was most of a rebuild's time. Only a role that
/// owns the tables can drop an index; any other role rebuilds with the indexes in place. The definitions are recorded in
/// <c>chr_rebuild_indexes</c> in the transaction that drops them, so a rebuild that dies leaves them to be built again by
/// the next rebuild or the next migration of the chronicle tables. Indexes behind constraints (primary keys, unique
/// columns) stay: they check the rows as they arrive.
/// </summary>
public sealed class DeferredIndexes(NpgsqlDataSource dataSource, string schema, IReadOnlyList<string> tables)
{
    public const string Table = "chr_rebuild_indexes";

    /// <summary>Memory for sorting an index build (PostgreSQL's default is 64 MB); set for the building transaction only.</summary>
    private const string BuildMemory = "256MB";

    private readonly string _schema = SchemaName.Validate(schema);

    /// <summary>Drops the secondary indexes when this role owns every table; false (nothing dropped) otherwise.</summary>
    public async Task<bool> DropAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await OwnsTablesAsync(connection, transaction, ct)) return false;

        var indexes = new List<(string Name, string Definition)>();
        await using (var select = new NpgsqlCommand("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname), pg_get_indexdef(i.indexrelid)
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE i.indrelid = ANY($1::regclass[])
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
             ORDER BY c.relname
            """, connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = QualifiedTables() });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, definition) in indexes)
        {
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO {_schema}.{Table} (index_name, definition) VALUES ($1, $2) ON CONFLICT (index_name) DO NOTHING", ct, name, definition);
            await ExecuteAsync(connection, transaction, $"DROP INDEX {name}", ct);
        }
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Builds every index a rebuild dropped (also those of a rebuild that died) and forgets them, in one transaction.
    /// Returns how many were built; a role that does not own the tables cannot build them and is told so.
    /// </summary>
    public async Task<int> RestoreAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var pending = new List<(string Name, string Definition)>();
        await using (var select = new NpgsqlCommand($"SELECT index_name, definition FROM {_schema}.{Table} ORDER BY index_name", connection, transaction))
        await using (var reader = await select.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) pending.Add((reader.GetString(0), reader.GetString(1)));
        if (pending.Count == 0) return 0;
        if (!await OwnsTablesAsync(connection, transaction, ct))
            throw new InvalidOperationException(
                $"A projection rebuild left {pending.Count} indexes of the chronicle tables to build ({string.Join(", ", pending.Select(p => p.Name))}); " +
                "only the tables' owner can build them: run the rebuild, or start the service, with the owner's connection (ConnectionStrings:ChronicleOwner).");

        await ExecuteAsync(connection, transaction, $"SET LOCAL maintenance_work_mem = '{BuildMemory}'", ct);
        foreach (var (name, definition) in pending)
        {
            await ExecuteAsync(connection, transaction, IfNotExists(definition), ct);
            await ExecuteAsync(connection, transaction, $"DELETE FROM {_schema}.{Table} WHERE index_name = $1", ct, name);
        }
        await transaction.CommitAsync(ct);
        return pending.Count;
    }

    /// <summary>pg_get_indexdef gives <c>CREATE [UNIQUE] INDEX name ON ...</c>; built again it must not fail on an index already there.</summary>
    private static string IfNotExists(string definition)
    {
        foreach (var head in (string[])["CREATE INDEX ", "CREATE UNIQUE INDEX "])
            if (definition.StartsWith(head, StringComparison.Ordinal))
                return head + "IF NOT EXISTS " + definition[head.Length..];
        throw new InvalidOperationException($"Not an index definition: {definition}");
    }

    private async Task<bool> OwnsTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) FROM pg_class c WHERE c.oid = ANY($1::regclass[])",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = QualifiedTables() });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private string[] QualifiedTables() => tables.Select(t => $"{_schema}.{t}").ToArray();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
