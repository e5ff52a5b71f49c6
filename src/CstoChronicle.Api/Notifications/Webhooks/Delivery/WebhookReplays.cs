using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Marten;
using Wolverine.Marten;
using Wolverine.Persistence.Durability;
using Wolverine.Runtime;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// Sends dead letters again: a dead letter's message is in Wolverine's dead-letter storage, and marking it replayable has
/// Wolverine's durability agent put it back in the delivery queue, with fresh attempts. The log row is marked pending
/// after that (the handler also accepts a dead row, so the order cannot lose the replay). Dead letters of the queue before
/// Wolverine have no message there: a new one is queued, in the same transaction as the row.
/// </summary>
public sealed class WebhookReplays(IWolverineRuntime runtime, IDocumentStore store, DeliveryLog log)
{
    public async Task<bool> ReplayAsync(Guid subscriptionId, long deliveryId, CancellationToken ct)
    {
        if (await log.FindDeadLetterAsync(subscriptionId, deliveryId, ct) is not { } dead) return false;
        await using var session = store.LightweightSession();
        var outbox = new MartenOutbox(runtime, session);
        if (dead.EnvelopeId is { } envelopeId)
            await runtime.Storage.DeadLetters.MarkDeadLetterEnvelopesAsReplayableAsync([envelopeId]);
        else
            await outbox.PublishAsync(new DeliverWebhook(dead.DeliveryId, dead.SubscriptionId, dead.Position, dead.EventId));
        var (sql, values) = log.ReopenDeadLetter(dead.DeliveryId);
        session.QueueSqlCommand(sql, values);
        await session.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Queues messages for the deliveries the queue before Wolverine left pending; returns how many.</summary>
    public async Task<int> AdoptLeftPendingAsync(CancellationToken ct)
    {
        var adopted = 0;
        while (await log.LeftPendingAsync(500, ct) is { Count: > 0 } left)
        {
            await using var session = store.LightweightSession();
            var outbox = new MartenOutbox(runtime, session);
            foreach (var delivery in left) await outbox.PublishAsync(DeliverWebhook.For(delivery));
            var (sql, values) = log.MarkEnqueued(left.Select(d => d.DeliveryId).ToArray());
            session.QueueSqlCommand(sql, values);
            await session.SaveChangesAsync(ct);
            adopted += left.Count;
        }
        return adopted;
    }
}
