using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Api.Telemetry;

/// <summary>Deliveries of one webhook subscription still waiting to be sent, and its dead letters (failed for good, not replayed).</summary>
public sealed record SubscriptionBacklog(Guid SubscriptionId, long Waiting, long DeadLetters);

/// <summary>
/// What the webhook metrics count, kept apart from the delivery code: whatever delivers webhooks (today the queue
/// tables, later Wolverine) only has to answer this.
/// </summary>
public interface IDeliveryBacklog
{
    Task<IReadOnlyList<SubscriptionBacklog>> ReadAsync(CancellationToken ct);
}

/// <summary>The backlog counted from the delivery queue's tables (<c>es_deliveries</c>), per subscription that is not deleted.</summary>
public sealed class DeliveryQueueBacklog(NpgsqlDataSource dataSource, ChronicleStoreSettings settings) : IDeliveryBacklog
{
    public async Task<IReadOnlyList<SubscriptionBacklog>> ReadAsync(CancellationToken ct)
    {
        var s = SchemaName.Validate(settings.Schema);
        await using var command = dataSource.CreateCommand($"""
            SELECT s.id,
                   count(d.id) FILTER (WHERE d.state = 'pending'),
                   count(d.id) FILTER (WHERE d.state = 'dead')
            FROM {s}.es_delivery_subscriptions s
            LEFT JOIN {s}.es_deliveries d ON d.subscription_id = s.id AND d.state IN ('pending', 'dead')
            WHERE s.state <> 'deleted'
            GROUP BY s.id
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var backlog = new List<SubscriptionBacklog>();
        while (await reader.ReadAsync(ct))
            backlog.Add(new SubscriptionBacklog(reader.GetGuid(0), reader.GetInt64(1), reader.GetInt64(2)));
        return backlog;
    }
}
