using CstoChronicle.Domain;
using CstoChronicle.Domain.Store;
using Marten;
using Microsoft.Extensions.Options;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Before the server listens: Marten's tables (when auto-create is on), the chronicle's and the API's own tables by
/// their versioned migrations; with a separate owner, also Wolverine's envelope tables, then the service role's grants.
/// The dataset is loaded later (<see cref="DatasetStartup"/>), once Wolverine runs: its appends go through the outbox.
/// </summary>
public sealed class ChronicleStartup(
    SchemaOwner owner,
    IDocumentStore store,
    ChronicleStoreSettings storeSettings,
    IOptions<ChronicleSettings> settings) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        var schema = settings.Value.Schema;
        if (owner.ServiceRole is { } role)
        {
            // The owner changes the schema, the service's role gets its grants; the service's store never changes it.
            using (var ownerStore = new DocumentStore(ChronicleModule.StoreOptionsFor(owner.DataSource, storeSettings)))
                await ChronicleModule.PrepareSchemaAsync(ownerStore, owner.DataSource, storeSettings, ct);
            await MigrateOwnTablesAsync(owner.DataSource, schema, ct);
            await WolverineTables.ApplyAsync(owner.DataSource, schema, ct);
            await ServiceRoleGrants.ApplyAsync(owner.DataSource, schema, role, ct);
        }
        else
        {
            await ChronicleModule.PrepareSchemaAsync(store, owner.DataSource, storeSettings, ct);
            await new SchemaMigrator(owner.DataSource, schema).MigrateAsync(ApiMigrations.Module, ApiMigrations.All, ct);
        }

    }

    /// <summary>The API's and the delivery queue's tables, so that every table exists before the grants.</summary>
    public static async Task MigrateOwnTablesAsync(NpgsqlDataSource owner, string schema, CancellationToken ct = default)
    {
        await new SchemaMigrator(owner, schema).MigrateAsync(ApiMigrations.Module, ApiMigrations.All, ct);
        await new SchemaMigrator(owner, schema).MigrateAsync(DeliveryMigrations.Module, DeliveryMigrations.All, ct);
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
