using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.EventStore.Delivery;

/// <summary>
/// Turns committed events into one delivery per matching active subscription. It runs as an
/// asynchronous projection, so the deliveries and the checkpoint commit together: each event is
/// queued once per subscription, whatever crashes in between. One INSERT per batch does the matching.
/// </summary>
internal sealed class FanOutProjection(Func<RecordedEvent, string> formatPayload) : IProjection
{
    public string Name => DeliveryFanOut.CheckpointName;
    public IReadOnlyCollection<string>? EventTypes => null;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var (connection, transaction, schema) = (context.Connection, context.Transaction, context.Schema);
        var subscriptions = await ActiveSubscriptionsAsync(context, ct);
        events = events.Where(e => subscriptions.Any(s => s.Matches(e))).ToList();
        if (events.Count == 0) return;

        await DeliveryChannel.LockEnqueueAsync(connection, transaction, schema, ct);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {schema}.es_deliveries
                   (subscription_id, position, event_id, event_type, stream_id, payload, state, next_attempt_at, created_at)
            SELECT s.id, e.position, e.event_id, e.type, e.stream_id, e.payload, 'pending', now(), now()
              FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[]) AS e (position, event_id, type, stream_id, payload)
              JOIN {schema}.es_delivery_subscriptions s
                ON s.state = 'active'
               AND e.position > s.after_position
               AND (s.event_types IS NULL OR e.type = ANY (s.event_types))
               AND (s.stream_ids IS NULL OR e.stream_id = ANY (s.stream_ids))
             ORDER BY e.position, s.id
            ON CONFLICT DO NOTHING
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Position).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.EventId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.Type).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.StreamId).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = events.Select(formatPayload).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        if (await command.ExecuteNonQueryAsync(ct) > 0)
            await DeliveryChannel.NotifyAsync(connection, transaction, schema, ct);
    }

    /// <summary>
    /// The active subscriptions, so that only events someone wants are turned into payloads (a first run over a
    /// long log with few subscriptions formats almost nothing). Creating a subscription waits for the fan-out's
    /// checkpoint lock, which this batch holds, so the list cannot change under it.
    /// </summary>
    private static async Task<List<SubscriptionFilter>> ActiveSubscriptionsAsync(ProjectionContext context, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT event_types, stream_ids, after_position FROM {context.Schema}.es_delivery_subscriptions WHERE state = 'active'",
            context.Connection, context.Transaction);
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

    /// <summary>A rebuild only moves the checkpoint; queued deliveries are history and stay.</summary>
    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
