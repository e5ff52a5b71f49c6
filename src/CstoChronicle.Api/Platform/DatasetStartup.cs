using CstoChronicle.Domain;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Loads the CSTO dataset into an empty store before the server listens. Registered after Wolverine, so its appends
/// find the outbox running like any other write.
/// </summary>
public sealed class DatasetStartup(EventLog log, Importer importer, IOptions<ChronicleSettings> settings, ILogger<DatasetStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            await ImportAsync(ct);
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            logger.LogWarning(e, "PostgreSQL does not answer: the dataset is not loaded now (an empty store gets it at the next start).");
        }
    }

    private async Task ImportAsync(CancellationToken ct)
    {
        if (settings.Value.ImportDataset)
        {
            var folder = DatasetLocator.TryFind(settings.Value.DatasetFolder);
            if (folder is null)
                logger.LogWarning("No dataset folder found (set Chronicle:DatasetFolder); the store is left as it is");
            else
                await importer.ImportIfEmptyAsync(folder, ct);
        }
        logger.LogInformation("Schema {Schema} is ready; the log's head is at position {Position}", settings.Value.Schema, await log.HeadPositionAsync(ct));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
