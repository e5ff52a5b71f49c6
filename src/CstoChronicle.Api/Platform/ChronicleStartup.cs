using CstoChronicle.Domain;
using CstoChronicle.Domain.Import;
using CstoChronicle.EventStore;
using CstoChronicle.EventStore.Schema;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Before the server listens: creates or migrates the schema (the store's, the chronicle's and the API's own
/// tables), then loads the CSTO dataset into an empty store.
/// </summary>
public sealed class ChronicleStartup(
    NpgsqlDataSource dataSource,
    PostgresEventStore store,
    Importer importer,
    IOptions<ChronicleSettings> settings,
    ILogger<ChronicleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var schema = settings.Value.Schema;
        await store.MigrateAsync(ct);
        await ChronicleModule.MigrateProjectionTablesAsync(dataSource, store.Options, ct);
        await new SchemaMigrator(dataSource, schema).MigrateAsync(ApiMigrations.Module, ApiMigrations.All, ct);

        if (settings.Value.ImportDataset)
        {
            var folder = DatasetLocator.TryFind(settings.Value.DatasetFolder);
            if (folder is null)
                logger.LogWarning("No dataset folder found (set Chronicle:DatasetFolder); the store is left as it is");
            else
                await importer.ImportIfEmptyAsync(folder, ct);
        }
        logger.LogInformation("Schema {Schema} is ready; the store's head is at position {Position}", schema, await store.GetHeadPositionAsync(ct));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
