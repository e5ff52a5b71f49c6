using JasperFx;
using Npgsql;
using Weasel.Core;
using Weasel.Core.Migrations;
using Weasel.Postgresql;
using Wolverine.Persistence.Durability;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// Wolverine's envelope tables (incoming, outgoing, dead letters, nodes) created or updated through the owner's connection:
/// the service's role may not create tables (decision 0206), so its Wolverine starts with auto-create off. The tables are
/// the ones the service's own message store describes, compared with the database and patched by Weasel, as Wolverine does.
/// </summary>
public static class WolverineTables
{
    public static async Task MigrateAsync(IMessageStore serviceStore, NpgsqlDataSource owner, CancellationToken ct)
    {
        if (serviceStore is not IFeatureSchema feature)
            throw new InvalidOperationException($"Wolverine's message store ({serviceStore.GetType().Name}) does not describe its tables.");
        await using var connection = await owner.OpenConnectionAsync(ct);
        var migration = await SchemaMigration.DetermineAsync(connection, ct, feature.Objects);
        if (migration.Difference != SchemaPatchDifference.None)
            await new PostgresqlMigrator().ApplyAllAsync(connection, migration, AutoCreate.CreateOrUpdate, ct: ct);
    }
}
