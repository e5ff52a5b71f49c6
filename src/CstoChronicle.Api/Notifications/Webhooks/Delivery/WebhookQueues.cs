using Microsoft.Extensions.Options;
using Wolverine;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// The webhook part of Wolverine's configuration, applied once the container is built so the settings come from any
/// configuration source: two durable local queues (fan-out, delivery: their messages are stored in Wolverine's inbox
/// tables until handled, and a dead node's are taken over after DeadNodeTimeout), the handlers, and the retry rules.
/// </summary>
public sealed class WebhookQueues(IOptions<WebhookSettings> settings) : IWolverineExtension
{
    public const string FanOutQueue = "webhook-fanout";
    public const string DeliveryQueue = "webhook-delivery";

    public void Configure(WolverineOptions options)
    {
        var webhooks = settings.Value;
        options.AddMessageHandler(new FanOutHandler());
        options.AddMessageHandler(new DeliverHandler(webhooks));
        options.PublishMessage<FanOutWebhooks>().ToLocalQueue(FanOutQueue);
        options.PublishMessage<DeliverWebhook>().ToLocalQueue(DeliveryQueue);
        options.LocalQueue(FanOutQueue).UseDurableInbox();
        options.LocalQueue(DeliveryQueue).UseDurableInbox().MaximumParallelMessages(webhooks.Concurrency);
        options.Durability.StaleNodeTimeout = webhooks.DeadNodeTimeout;
        options.Durability.HealthCheckPollingTime = webhooks.NodeHealthCheckInterval;
    }
}
