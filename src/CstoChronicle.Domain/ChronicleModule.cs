using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Writing;
using Marten;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CstoChronicle.Domain;

/// <summary>The composition root of the chronicle outside a host: Marten's store with the projection inline, its schema, the writer, importer and queries.</summary>
public static class ChronicleModule
{
    /// <param name="loggerFactory">Where the importer reports what it loaded; silent when null.</param>
    public static async Task<Chronicle> CreateAsync(
        NpgsqlDataSource dataSource, ChronicleStoreSettings settings, TimeProvider time,
        ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        var store = new DocumentStore(StoreOptionsFor(dataSource, settings));
        try
        {
            await PrepareSchemaAsync(store, dataSource, settings, ct);
        }
        catch
        {
            store.Dispose();
            throw;
        }

        var log = new EventLog(store);
        var writer = new ChronicleWriter(log);
        var importer = new Importer(writer, log, loggerFactory?.CreateLogger<Importer>());
        return new Chronicle(store, writer, importer, new ChronicleQueries(dataSource, settings.Schema, time));
    }

    public static StoreOptions StoreOptionsFor(NpgsqlDataSource dataSource, ChronicleStoreSettings settings)
    {
        var options = new StoreOptions();
        ChronicleMarten.Configure(options, dataSource, settings);
        return options;
    }

    /// <summary>
    /// Marten's tables (created or updated only when <see cref="ChronicleStoreSettings.AutoCreateSchema"/>; in production
    /// <see cref="ApplySchemaAsync"/> does it), then the chronicle's own tables by their versioned migrations.
    /// </summary>
    public static async Task PrepareSchemaAsync(IDocumentStore store, NpgsqlDataSource dataSource, ChronicleStoreSettings settings, CancellationToken ct = default)
    {
        if (settings.AutoCreateSchema) await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        else if (!await MartenTablesExistAsync(dataSource, settings.Schema, ct))
            throw new InvalidOperationException(
                $"Marten's tables are missing from schema '{settings.Schema}' and auto-create is off (Chronicle:AutoCreateSchema=false): " +
                "apply the schema first with ./run.sh apply-schema.");
        await MigrateProjectionTablesAsync(dataSource, settings.Schema, ct);
    }

    private static async Task<bool> MartenTablesExistAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT to_regclass($1) IS NOT NULL AND to_regclass($2) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = $"{schema}.mt_events" });
        command.Parameters.Add(new NpgsqlParameter { Value = $"{schema}.mt_event_progression" });
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The explicit schema command of production: Marten's tables, then the chronicle's migrations.</summary>
    public static async Task ApplySchemaAsync(IDocumentStore store, NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await MigrateProjectionTablesAsync(dataSource, schema, ct);
    }

    /// <summary>
    /// Creates or updates the projection tables in the store's schema (idempotent; concurrent callers wait for each other),
    /// then builds any index a projection rebuild dropped and did not live to build again (<see cref="DeferredIndexes"/>).
    /// </summary>
    public static async Task MigrateProjectionTablesAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        await new SchemaMigrator(dataSource, schema).MigrateAsync(ChronicleMigrations.Module, ChronicleMigrations.All, ct);
        await DeferredIndexes.OfChronicleTables(dataSource, schema).RestoreAsync(ct);
    }
}
