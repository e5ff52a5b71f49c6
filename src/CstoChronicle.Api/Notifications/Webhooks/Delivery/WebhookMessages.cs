namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>An event was appended: open its deliveries. Written to Wolverine's outbox in the append's own transaction.</summary>
public sealed record FanOutWebhooks(Guid EventId);

/// <summary>Send one event to one subscription. The log row <paramref name="DeliveryId"/> records every attempt.</summary>
public sealed record DeliverWebhook(long DeliveryId, Guid SubscriptionId, long Position, Guid EventId)
{
    public static DeliverWebhook For(CstoChronicle.Api.Notifications.Webhooks.Storage.QueuedDelivery delivery) =>
        new(delivery.DeliveryId, delivery.SubscriptionId, delivery.Position, delivery.EventId);
}
