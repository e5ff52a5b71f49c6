using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>The delivery queue's migrations, module "delivery". Append new ones; never edit an applied one.</summary>
public static class DeliveryMigrations
{
    public const string Module = "delivery";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "delivery queue tables", string.Join('\n', DeliveryTables.Subscriptions, DeliveryTables.Deliveries, DeliveryTables.Attempts)),
    ];
}
