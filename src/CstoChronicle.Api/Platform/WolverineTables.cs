using CstoChronicle.Api.Notifications.Webhooks.Delivery;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Store;
using JasperFx;
using Marten;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence.Durability;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Wolverine's envelope tables (incoming, outgoing, dead letters, nodes) created or updated through the owner's connection:
/// the service's role may not create tables (decision 0206), so its Wolverine starts with auto-create off. The tables are
/// the ones Wolverine's own message store describes (built, never started, in a host of its own on the owner's
/// connection), compared with the database and patched by Weasel, as Wolverine does at start.
/// </summary>
public static class WolverineTables
{
    public static async Task ApplyAsync(NpgsqlDataSource owner, string schema, CancellationToken ct = default)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddMarten(ChronicleModule.StoreOptionsFor(owner, new ChronicleStoreSettings { Schema = schema, AutoCreateSchema = false }))
            .IntegrateWithWolverine();
        builder.Services.AddWolverine(ExtensionDiscovery.ManualOnly, WebhookDeliverySetup.WithoutDiscovery);
        using var host = builder.Build();
        if (host.Services.GetRequiredService<IMessageStore>() is not IFeatureSchema feature)
            throw new InvalidOperationException("Wolverine's message store does not describe its tables.");
        await using var connection = await owner.OpenConnectionAsync(ct);
        var migration = await SchemaMigration.DetermineAsync(connection, ct, feature.Objects);
        if (migration.Difference != SchemaPatchDifference.None)
            await new PostgresqlMigrator().ApplyAllAsync(connection, migration, AutoCreate.CreateOrUpdate, ct: ct);
    }
}
