using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Store;
using Marten;
using Npgsql;

namespace CstoChronicle.Domain.Tests.Store;

/// <summary>The project's own tables keep versioned migrations: a schema upgraded from an earlier version equals a fresh one.</summary>
public sealed class SchemaUpgradeTests : IAsyncLifetime
{
    private readonly string _fresh = TestDatabase.NewSchemaName("s_");
    private readonly string _upgraded = TestDatabase.NewSchemaName("s_");
    private NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());

    [Fact]
    public async Task Upgrading_from_the_first_versions_gives_the_schema_a_fresh_store_gets()
    {
        using var fresh = new DocumentStore(ChronicleModule.StoreOptionsFor(_dataSource, new ChronicleStoreSettings { Schema = _fresh }));
        await ChronicleModule.ApplySchemaAsync(fresh, _dataSource, _fresh);

        using var upgraded = new DocumentStore(ChronicleModule.StoreOptionsFor(_dataSource, new ChronicleStoreSettings { Schema = _upgraded }));
        await upgraded.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var firstVersions = ChronicleMigrations.All.Where(m => m.Version <= 3).ToList();
        (await new SchemaMigrator(_dataSource, _upgraded).MigrateAsync(ChronicleMigrations.Module, firstVersions)).ShouldBe([1, 2, 3]);
        (await new SchemaMigrator(_dataSource, _upgraded).MigrateAsync(ChronicleMigrations.Module, ChronicleMigrations.All))
            .ShouldBe(ChronicleMigrations.All.Where(m => m.Version > 3).Select(m => m.Version));

        (await DescribeAsync(_upgraded)).ShouldBe(await DescribeAsync(_fresh));
    }

    /// <summary>
    /// The project's own tables (Marten's are Marten's: its mt_events default is even a creation-time literal): columns, indexes,
    /// constraints, and the triggers of the schema, with the schema name taken out.
    /// </summary>
    private async Task<List<string>> DescribeAsync(string schema)
    {
        await using var command = _dataSource.CreateCommand("""
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '')
              FROM information_schema.columns WHERE table_schema = $1 AND table_name NOT LIKE 'mt\_%'
            UNION ALL
            SELECT 'index ' || tablename || ' ' || indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename NOT LIKE 'mt\_%'
            UNION ALL
            SELECT 'constraint ' || conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
              FROM pg_constraint WHERE connamespace = $1::regnamespace AND conrelid::regclass::text NOT LIKE '%mt\_%'
            UNION ALL
            SELECT 'trigger ' || event_object_table || ' ' || trigger_name || ' ' || action_timing || ' ' || event_manipulation
              FROM information_schema.triggers WHERE trigger_schema = $1
            ORDER BY 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = schema });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0).Replace(schema, "{schema}", StringComparison.Ordinal));
        return rows;
    }

    public async Task DisposeAsync()
    {
        await TestDatabase.DropSchemaAsync(_dataSource, _fresh);
        await TestDatabase.DropSchemaAsync(_dataSource, _upgraded);
        await _dataSource.DisposeAsync();
    }
}
