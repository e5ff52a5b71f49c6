using CstoChronicle.Api.Notifications.Webhooks.Storage;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Runtime;
using Wolverine.Runtime.Handlers;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// Opens one delivery per active subscription that wants the event (the log's rows) and sends a <see cref="DeliverWebhook"/>
/// for each still to be sent. Wolverine marks the fan-out handled only after those messages are stored, so a crash in
/// between runs it again: the rows are found, not doubled, and a delivery may be sent twice (at least once, decision 0503).
/// Registered without code generation: the dependencies come from the container on first use.
/// </summary>
public sealed class FanOutHandler : MessageHandler<FanOutWebhooks>
{
    protected override async Task HandleAsync(FanOutWebhooks message, MessageContext context, CancellationToken ct)
    {
        var services = context.Runtime.Services;
        var appended = await services.GetRequiredService<EventLog>().ReadEventAsync(message.EventId, ct);
        if (appended is null)
        {
            services.GetRequiredService<ILogger<FanOutHandler>>().LogWarning("Event {EventId} to fan out is not in the log.", message.EventId);
            return;
        }
        var queued = await services.GetRequiredService<DeliveryLog>().QueueAsync(appended, ct);
        foreach (var delivery in queued.Where(d => d.Pending))
            await context.PublishAsync(DeliverWebhook.For(delivery));
    }
}
