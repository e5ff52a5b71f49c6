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
    IOptions<ChronicleSettings> settings,
    ILogger<ChronicleStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        await store.MigrateAsync(ct);
        await new SchemaMigrator(dataSource, settings.Value.Schema).MigrateAsync(ApiMigrations.Module, ApiMigrations.All, ct);
        logger.LogInformation("Schema {Schema} is migrated; the store's head is at position {Position}",
            settings.Value.Schema, await store.GetHeadPositionAsync(ct));
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
