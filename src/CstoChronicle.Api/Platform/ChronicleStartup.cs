using CstoChronicle.Domain;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Store;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Before the server listens: Marten's tables (when auto-create is on), the chronicle's and the API's own tables by
/// their versioned migrations, then the CSTO dataset into an empty store.
/// </summary>
public sealed class ChronicleStartup(
    NpgsqlDataSource dataSource,
    IDocumentStore store,
    ChronicleStoreSettings storeSettings,
    EventLog log,
    Importer importer,
    IOptions<ChronicleSettings> settings,
    ILogger<ChronicleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var schema = settings.Value.Schema;
        await ChronicleModule.PrepareSchemaAsync(store, dataSource, storeSettings, ct);
        await new SchemaMigrator(dataSource, schema).MigrateAsync(ApiMigrations.Module, ApiMigrations.All, ct);

        if (settings.Value.ImportDataset)
        {
            var folder = DatasetLocator.TryFind(settings.Value.DatasetFolder);
            if (folder is null)
                logger.LogWarning("No dataset folder found (set Chronicle:DatasetFolder); the store is left as it is");
            else
                await importer.ImportIfEmptyAsync(folder, ct);
        }
        logger.LogInformation("Schema {Schema} is ready; the log's head is at position {Position}", schema, await log.HeadPositionAsync(ct));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
