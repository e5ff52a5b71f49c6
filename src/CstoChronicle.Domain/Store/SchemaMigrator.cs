using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// Applies numbered migrations per module, each once, recorded in {schema}.es_migrations.
/// All of a run happens in one transaction under a transaction-scoped advisory lock, so
/// concurrent processes migrating the same schema wait for each other instead of colliding.
/// </summary>
public sealed class SchemaMigrator(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _schema = SchemaName.Validate(schema);

    public string Schema => _schema;

    /// <summary>Runs the migrations of <paramref name="module"/> not yet applied, in version order. Returns the versions applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(string module, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(module);
        Check(migrations);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await ExecuteAsync(connection, transaction, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", ct, $"es_migrations:{_schema}");
        await ExecuteAsync(connection, transaction, $"""
            CREATE SCHEMA IF NOT EXISTS {_schema};
            CREATE TABLE IF NOT EXISTS {_schema}.es_migrations (
                module     text NOT NULL,
                version    integer NOT NULL,
                name       text NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (module, version));
            """, ct);

        var applied = await AppliedVersionsAsync(connection, transaction, module, ct);
        var appliedNow = new List<int>();
        foreach (var migration in migrations.OrderBy(m => m.Version).Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, migration.Sql.Replace("{schema}", _schema, StringComparison.Ordinal), ct);
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO {_schema}.es_migrations (module, version, name) VALUES ($1, $2, $3)", ct,
                module, migration.Version, migration.Name);
            appliedNow.Add(migration.Version);
        }

        await transaction.CommitAsync(ct);
        return appliedNow;
    }

    /// <summary>The versions of <paramref name="module"/> recorded as applied; empty when the schema has none yet.</summary>
    public async Task<IReadOnlyList<int>> GetAppliedVersionsAsync(string module, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT to_regclass($1) IS NOT NULL", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = $"{_schema}.es_migrations" });
        if (!(bool)(await exists.ExecuteScalarAsync(ct))!) return [];
        return (await AppliedVersionsAsync(connection, null, module, ct)).Order().ToList();
    }

    private static void Check(IReadOnlyList<Migration> migrations)
    {
        if (migrations.Any(m => m.Version < 1))
            throw new ArgumentException("Migration versions start at 1.", nameof(migrations));
        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"Migration version {duplicate.Key} appears more than once.", nameof(migrations));
    }

    private async Task<HashSet<int>> AppliedVersionsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string module, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT version FROM {_schema}.es_migrations WHERE module = $1", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = module });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new HashSet<int>();
        while (await reader.ReadAsync(ct)) versions.Add(reader.GetInt32(0));
        return versions;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken ct, params object[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
