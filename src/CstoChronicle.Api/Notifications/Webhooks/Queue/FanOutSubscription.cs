using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Store;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>
/// Turns committed events into one delivery per matching active subscription: a Marten subscription, run by the
/// async daemon on its leading node, page by page up to the high-water mark. Each page is enqueued in a transaction
/// of its own; a page replayed after a crash enqueues nothing twice (ON CONFLICT DO NOTHING), so every event is
/// queued once per subscription. One statement per page does the matching and stores each wanted event's
/// payload once, however many subscriptions it goes to.
/// </summary>
public sealed class FanOutSubscription : SubscriptionBase
{
    public const string SubscriptionId = "delivery_fanout";

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _schema;
    private readonly Func<RecordedEvent, string> _formatPayload;
    private readonly DeliveryWakeup _wakeup;

    /// <param name="formatPayload">Turns an event into the body every subscription receives for it; stored, so retries send the same bytes.</param>
    public FanOutSubscription(NpgsqlDataSource dataSource, string schema, Func<RecordedEvent, string> formatPayload, DeliveryWakeup wakeup)
    {
        _dataSource = dataSource;
        _schema = SchemaName.Validate(schema);
        _formatPayload = formatPayload;
        _wakeup = wakeup;
        Name = SubscriptionId;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct)
    {
        var events = page.Events.Where(e => !StoredEvents.IsTombstone(e)).Select(RecordedEvent.From).ToList();
        if (events.Count == 0) return NullChangeListener.Instance;

        await using var connection = await _dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await DeliveryChannel.LockEnqueueAsync(connection, transaction, _schema, ct);
        var subscriptions = await ActiveSubscriptionsAsync(connection, transaction, ct);
        events = events.Where(e => subscriptions.Any(s => s.Matches(e))).ToList();
        if (events.Count == 0) return NullChangeListener.Instance;

        await using var command = new NpgsqlCommand($"""
            WITH e AS (
                SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS e (position, event_id, type, stream_id, payload)),
            matched AS (
                SELECT s.id AS subscription_id, e.position, e.event_id, e.type, e.stream_id
                  FROM e
                  JOIN {_schema}.es_delivery_subscriptions s
                    ON s.state = 'active'
                   AND e.position > s.after_position
                   AND (s.event_types IS NULL OR e.type = ANY (s.event_types))
                   AND (s.stream_ids IS NULL OR e.stream_id = ANY (s.stream_ids))),
            payloads AS (
                INSERT INTO {_schema}.es_delivery_payloads (position, event_id, payload, created_at)
                SELECT e.position, e.event_id, e.payload, now() FROM e WHERE e.position IN (SELECT position FROM matched)
                ON CONFLICT DO NOTHING)
            INSERT INTO {_schema}.es_deliveries
                   (subscription_id, position, event_id, event_type, stream_id, state, next_attempt_at, created_at)
            SELECT subscription_id, position, event_id, type, stream_id, 'pending', now(), now()
              FROM matched
             ORDER BY position, subscription_id
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Position).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.StreamId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(_formatPayload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var queued = await command.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        if (queued > 0) _wakeup.Signal();
        return NullChangeListener.Instance;
    }

    /// <summary>
    /// The active subscriptions, so that only events someone wants are turned into payloads. Creating a subscription
    /// takes the enqueue lock this page holds, so the list cannot change under it.
    /// </summary>
    private async Task<List<SubscriptionFilter>> ActiveSubscriptionsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT event_types, stream_ids, after_position FROM {_schema}.es_delivery_subscriptions WHERE state = 'active'",
            connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var filters = new List<SubscriptionFilter>();
        while (await reader.ReadAsync(ct))
            filters.Add(new SubscriptionFilter(
                reader.IsDBNull(0) ? null : reader.GetFieldValue<string[]>(0).ToHashSet(StringComparer.Ordinal),
                reader.IsDBNull(1) ? null : reader.GetFieldValue<string[]>(1).ToHashSet(StringComparer.Ordinal),
                reader.GetInt64(2)));
        return filters;
    }

    /// <summary>The same test the INSERT makes in SQL, done here first to skip events nobody wants.</summary>
    private sealed record SubscriptionFilter(HashSet<string>? EventTypes, HashSet<string>? StreamIds, long AfterPosition)
    {
        public bool Matches(RecordedEvent e) =>
            e.Position > AfterPosition && (EventTypes is null || EventTypes.Contains(e.Type)) && (StreamIds is null || StreamIds.Contains(e.StreamId));
    }
}
