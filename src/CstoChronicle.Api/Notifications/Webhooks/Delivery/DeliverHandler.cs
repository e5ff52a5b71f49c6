using System.Diagnostics;
using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// One attempt of one delivery: posts the event's CloudEvent (written from the event, so every attempt sends the same
/// bytes) to the subscription's target, writes the attempt in the log, and on failure throws to Wolverine's retry rules.
/// A subscription disabled or deleted meanwhile is sent nothing. Registered without code generation.
/// </summary>
public sealed class DeliverHandler(WebhookSettings settings) : MessageHandler<DeliverWebhook>
{
    public override void ConfigureChain(HandlerChain chain) => WebhookRetryRules.Apply(chain, settings);

    protected override async Task HandleAsync(DeliverWebhook message, MessageContext context, CancellationToken ct)
    {
        var services = context.Runtime.Services;
        var log = services.GetRequiredService<DeliveryLog>();
        var delivery = await log.TargetAsync(message.DeliveryId, ct);
        if (delivery is null || delivery.DeliveryState is not (DeliveryStates.Pending or DeliveryStates.Dead)) return;
        if (!delivery.IsToBeSent)
        {
            await log.DiscardAsync(delivery.DeliveryId, ct);
            return;
        }
        var appended = await services.GetRequiredService<CstoChronicle.Domain.Store.EventLog>().ReadEventAsync(message.EventId, ct)
                       ?? throw new InvalidOperationException($"Event {message.EventId} of delivery {message.DeliveryId} is not in the log.");
        var source = services.GetRequiredService<IOptions<NotificationSettings>>().Value.Source;
        var attempt = context.Envelope!.Attempts;

        var started = Stopwatch.GetTimestamp();
        DeliveryResult result;
        try
        {
            result = await services.GetRequiredService<IDeliveryTransport>().SendAsync(new DeliveryRequest(
                delivery.DeliveryId, delivery.SubscriptionId, delivery.Target, delivery.Secret!, appended.EventId, appended.Position,
                CloudEventJson.Write(appended, source), attempt), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            result = new DeliveryResult(DeliveryOutcome.Failed, Error: e.GetType().Name + ": " + e.Message);
        }
        var durationMs = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var lastAttempt = attempt >= settings.MaxAttempts;
        await log.RecordAttemptAsync(delivery, context.Envelope.Id, result, lastAttempt, durationMs, CancellationToken.None);

        if (result.Outcome == DeliveryOutcome.Failed)
            throw new WebhookAttemptFailed(
                $"Delivery {delivery.DeliveryId} to subscription {delivery.SubscriptionId}, attempt {attempt}: {result.StatusCode?.ToString() ?? result.Error}",
                result.RetryAfter, lastAttempt);
    }
}
