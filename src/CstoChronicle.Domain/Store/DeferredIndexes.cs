using CstoChronicle.Domain.Projections.Schema;
using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// The indexes of the chronicle tables, dropped while a rebuild refills the emptied tables and built again in
/// one pass at its end (docs/decisions/0007): maintaining them row by row was most of a rebuild's time. Only a role that
/// owns the tables can drop an index; any other role rebuilds with the indexes in place. The definitions are recorded in
/// <c>chr_rebuild_indexes</c> in the transaction that drops them, so a rebuild that dies leaves them to be built again by
/// the next rebuild or the next migration of the chronicle tables. Primary keys and unique constraints are dropped and
/// added again too (docs/decisions/0009), except those of <paramref name="keyedTables"/>: tables the projection looks
/// rows up in by key while it replays (corrections and retractions update <c>chr_log</c> by event id).
/// </summary>
public sealed class DeferredIndexes(NpgsqlDataSource dataSource, string schema, IReadOnlyList<string> tables, IReadOnlyList<string> keyedTables)
{
    public const string Table = "chr_rebuild_indexes";

    /// <summary>The chronicle's own tables, whose projection a rebuild replays, <c>chr_log</c> keeping its key.</summary>
    public static DeferredIndexes OfChronicleTables(NpgsqlDataSource dataSource, string schema) =>
        new(dataSource, schema, ChronicleMigrations.Tables, ChronicleMigrations.KeyedTables);

    /// <summary>Memory for sorting an index build (PostgreSQL's default is 64 MB); set for the building transaction only.</summary>
    private const string BuildMemory = "256MB";

    private readonly string _schema = SchemaName.Validate(schema);

    /// <summary>Drops the indexes and keys (see above) when this role owns every table; false (nothing dropped) otherwise.</summary>
    public async Task<bool> DropAsync(CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await OwnsTablesAsync(connection, transaction, ct)) return false;

        // An index behind a constraint is dropped and added back with its constraint (the index has the constraint's name).
        var indexes = new List<(string Name, string Definition, string Drop)>();
        await using (var select = new NpgsqlCommand("""
            SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname),
                   CASE WHEN k.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                        ELSE format('ALTER TABLE %I.%I ADD CONSTRAINT %I %s', n.nspname, t.relname, k.conname, pg_get_constraintdef(k.oid)) END,
                   CASE WHEN k.oid IS NULL THEN format('DROP INDEX %I.%I', n.nspname, c.relname)
                        ELSE format('ALTER TABLE %I.%I DROP CONSTRAINT %I', n.nspname, t.relname, k.conname) END
              FROM pg_index i
              JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_class t ON t.oid = i.indrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_constraint k ON k.conindid = i.indexrelid AND k.conrelid = i.indrelid
             WHERE i.indrelid = ANY($1::regclass[])
               AND (k.oid IS NULL OR NOT i.indrelid = ANY($2::regclass[]))
             ORDER BY c.relname
            """, connection, transaction))
        {
            select.Parameters.Add(new NpgsqlParameter { Value = Qualified(tables) });
            select.Parameters.Add(new NpgsqlParameter { Value = Qualified(keyedTables) });
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) indexes.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        foreach (var (name, definition, drop) in indexes)
        {
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO {_schema}.{Table} (index_name, definition) VALUES ($1, $2) ON CONFLICT (index_name) DO NOTHING", ct, name, definition);
            await ExecuteAsync(connection, transaction, drop, ct);
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
            if (!await ExistsAsync(connection, transaction, name, ct)) await ExecuteAsync(connection, transaction, definition, ct);
            await ExecuteAsync(connection, transaction, $"DELETE FROM {_schema}.{Table} WHERE index_name = $1", ct, name);
        }
        await transaction.CommitAsync(ct);
        return pending.Count;
    }

    /// <summary>Built again, an index (or constraint) already there is left as it is.</summary>
    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string index, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = index });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private async Task<bool> OwnsTablesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT bool_and(pg_has_role(current_user, c.relowner, 'USAGE')) FROM pg_class c WHERE c.oid = ANY($1::regclass[])",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Qualified(tables) });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    private string[] Qualified(IEnumerable<string> names) => names.Select(t => $"{_schema}.{t}").ToArray();

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
