using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>The delivery queue's migrations, module "delivery". Append new ones; never edit an applied one.</summary>
public static class DeliveryMigrations
{
    public const string Module = "delivery";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "delivery queue tables", string.Join('\n', DeliveryTables.Subscriptions, DeliveryTables.Deliveries, DeliveryTables.Attempts)),
        new(2, "subscriptions belong to an owner; a deleted one keeps no secret", """
            ALTER TABLE {schema}.es_delivery_subscriptions ADD COLUMN owner text NULL;
            ALTER TABLE {schema}.es_delivery_subscriptions ALTER COLUMN secret DROP NOT NULL;
            UPDATE {schema}.es_delivery_subscriptions SET secret = NULL WHERE state = 'deleted';
            CREATE INDEX es_delivery_subscriptions_owner ON {schema}.es_delivery_subscriptions (owner, id) WHERE state <> 'deleted';
            """),
    ];
}
