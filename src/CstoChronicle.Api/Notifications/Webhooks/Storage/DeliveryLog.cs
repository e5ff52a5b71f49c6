using CstoChronicle.Domain.Store;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>What was sent to a subscription and how it went; dead letters and their replay.</summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _schema = SchemaName.Validate(schema);

    /// <summary>The subscription's deliveries, newest first, each with its attempts; <paramref name="beforeId"/> pages back.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(Guid subscriptionId, int limit, long? beforeId = null, CancellationToken ct = default) =>
        QueryAsync(subscriptionId, null, limit, beforeId, ct);

    /// <summary>
    /// The subscription's dead letters, newest first: deliveries whose message Wolverine moved to its dead-letter storage after
    /// the last attempt (and the few the queue before Wolverine left dead), not yet replayed.
    /// </summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListDeadLettersAsync(Guid subscriptionId, int limit, long? beforeId = null, CancellationToken ct = default) =>
        QueryAsync(subscriptionId, DeliveryStates.Dead, limit, beforeId, ct);

    /// <summary>
    /// Opens the log of an event's deliveries: one pending row per active subscription that wants it (the fan-out).
    /// Run again for the same event (a fan-out message handled twice), it adds nothing and answers the same rows.
    /// </summary>
    public async Task<IReadOnlyList<QueuedDelivery>> QueueAsync(RecordedEvent e, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await DeliveryChannel.LockForFanOutAsync(connection, transaction, _schema, ct);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {_schema}.es_deliveries (subscription_id, position, event_id, event_type, stream_id, state, next_attempt_at, created_at)
            SELECT s.id, $1, $2, $3, $4, 'pending', now(), now()
              FROM {_schema}.es_delivery_subscriptions s
             WHERE s.state = 'active'
               AND $1 > s.after_position
               AND (s.event_types IS NULL OR $3 = ANY (s.event_types))
               AND (s.stream_ids IS NULL OR $4 = ANY (s.stream_ids))
             ORDER BY s.id
            ON CONFLICT (subscription_id, position) WHERE replay_of IS NULL DO UPDATE SET event_id = EXCLUDED.event_id
            RETURNING id, subscription_id, state
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = e.Position });
        command.Parameters.Add(new NpgsqlParameter { Value = e.EventId });
        command.Parameters.Add(new NpgsqlParameter { Value = e.Type });
        command.Parameters.Add(new NpgsqlParameter { Value = e.StreamId });
        var queued = new List<QueuedDelivery>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                queued.Add(new QueuedDelivery(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2) == DeliveryStates.Pending, e.Position, e.EventId));
        }
        await transaction.CommitAsync(ct);
        return queued;
    }

    /// <summary>Where a delivery goes and whether it is still to be sent; null when it was removed.</summary>
    public async Task<DeliveryTarget?> TargetAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT d.id, d.subscription_id, s.target, s.secret, s.state, d.state
              FROM {_schema}.es_deliveries d
              JOIN {_schema}.es_delivery_subscriptions s ON s.id = d.subscription_id
             WHERE d.id = $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DeliveryTarget(reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3),
            reader.GetString(4), reader.GetString(5));
    }

    /// <summary>
    /// Writes one attempt in the log and the delivery's new state, in a transaction of its own (a failed attempt is logged
    /// although the message handler then fails). A 410 disables the subscription. <paramref name="lastAttempt"/> makes a failure a dead letter.
    /// </summary>
    public async Task RecordAttemptAsync(DeliveryTarget delivery, Guid envelopeId, DeliveryResult result, bool lastAttempt, int durationMs, CancellationToken ct = default)
    {
        var (state, outcome) = result.Outcome switch
        {
            DeliveryOutcome.Delivered => (DeliveryStates.Delivered, "delivered"),
            DeliveryOutcome.Gone => (DeliveryStates.Discarded, "gone"),
            _ when lastAttempt => (DeliveryStates.Dead, "dead"),
            _ => (DeliveryStates.Pending, "failed"),
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var log = new NpgsqlBatchCommand($"""
            WITH d AS (
                UPDATE {_schema}.es_deliveries
                   SET state = $2, attempts = attempts + 1, envelope_id = $3, next_attempt_at = now(), last_status = $4, last_error = $5,
                       needs_enqueue = false, completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
                 WHERE id = $1
                RETURNING id, attempts, subscription_id)
            INSERT INTO {_schema}.es_delivery_attempts (delivery_id, attempt, subscription_id, attempted_at, duration_ms, outcome, status_code, error)
            SELECT d.id, d.attempts, d.subscription_id, now(), $6, $7, $4, $5 FROM d
            """);
        log.Parameters.Add(new NpgsqlParameter { Value = delivery.DeliveryId });
        log.Parameters.Add(new NpgsqlParameter { Value = state });
        log.Parameters.Add(new NpgsqlParameter { Value = envelopeId });
        log.Parameters.Add(new NpgsqlParameter { Value = (object?)result.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        log.Parameters.Add(new NpgsqlParameter { Value = (object?)Truncate(result.Error) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        log.Parameters.Add(new NpgsqlParameter { Value = durationMs });
        log.Parameters.Add(new NpgsqlParameter { Value = outcome });
        batch.BatchCommands.Add(log);
        if (result.Outcome == DeliveryOutcome.Gone)
        {
            var disable = new NpgsqlBatchCommand($"""
                UPDATE {_schema}.es_delivery_subscriptions
                   SET state = 'disabled', state_reason = $2, updated_at = now()
                 WHERE id = $1 AND state = 'active'
                """);
            disable.Parameters.Add(new NpgsqlParameter { Value = delivery.SubscriptionId });
            disable.Parameters.Add(new NpgsqlParameter { Value = $"The receiver answered {result.StatusCode?.ToString() ?? "gone"}: it wants no more deliveries." });
            batch.BatchCommands.Add(disable);
        }
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>Closes a delivery whose subscription was disabled or deleted before it could be sent.</summary>
    public async Task DiscardAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE {_schema}.es_deliveries SET state = 'discarded', needs_enqueue = false, completed_at = now()
             WHERE id = $1 AND state IN ('pending', 'dead')
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Marks a dead letter of the subscription pending again and answers its envelope id (null for one the queue before
    /// Wolverine made, which has none in Wolverine's storage); null when it is not a dead letter of the subscription.
    /// </summary>
    public async Task<DeadLetterToReplay?> FindDeadLetterAsync(Guid subscriptionId, long deliveryId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT d.id, d.subscription_id, d.position, d.event_id, d.envelope_id, dl.id IS NOT NULL
              FROM {_schema}.es_deliveries d
              LEFT JOIN {_schema}.wolverine_dead_letters dl ON dl.id = d.envelope_id
             WHERE d.id = $1 AND d.subscription_id = $2 AND d.state = 'dead'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        command.Parameters.Add(new NpgsqlParameter { Value = subscriptionId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return null;
        return new DeadLetterToReplay(reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetGuid(3),
            reader.GetBoolean(5) ? reader.GetGuid(4) : null);
    }

    /// <summary>The statement that marks a replayed dead letter pending again, for the transaction that queues it.</summary>
    public (string Sql, object[] Values) ReopenDeadLetter(long deliveryId) =>
        ($"UPDATE {_schema}.es_deliveries SET state = 'pending', completed_at = NULL, needs_enqueue = false WHERE id = ? AND state = 'dead'", [deliveryId]);

    /// <summary>Deliveries the queue before Wolverine left pending: they have no message yet (migration 4 flagged them).</summary>
    public async Task<IReadOnlyList<QueuedDelivery>> LeftPendingAsync(int limit, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT id, subscription_id, position, event_id FROM {_schema}.es_deliveries
             WHERE needs_enqueue AND state = 'pending' ORDER BY id LIMIT $1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var left = new List<QueuedDelivery>();
        while (await reader.ReadAsync(ct)) left.Add(new QueuedDelivery(reader.GetInt64(0), reader.GetGuid(1), true, reader.GetInt64(2), reader.GetGuid(3)));
        return left;
    }

    /// <summary>The statement that marks deliveries as queued, for the transaction that queues their messages.</summary>
    public (string Sql, object[] Values) MarkEnqueued(long[] deliveryIds) =>
        ($"UPDATE {_schema}.es_deliveries SET needs_enqueue = false WHERE id = ANY(?)", [deliveryIds]);

    private static string? Truncate(string? error) => error is { Length: > 2000 } ? error[..2000] : error;

    public async Task<DeliveryRecord?> GetAsync(long deliveryId, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"{Select} WHERE d.id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        return (await ReadAsync(command, ct)).FirstOrDefault();
    }

    private async Task<IReadOnlyList<DeliveryRecord>> QueryAsync(Guid subscriptionId, string? state, int limit, long? beforeId, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand($"""
            {Select}
             WHERE d.subscription_id = $1
               AND ($2::text IS NULL OR d.state = $2)
               AND ($2::text IS DISTINCT FROM 'dead' OR d.envelope_id IS NULL
                    OR EXISTS (SELECT 1 FROM {_schema}.wolverine_dead_letters dl WHERE dl.id = d.envelope_id AND NOT dl.replayable))
               AND ($3::bigint IS NULL OR d.id < $3)
             ORDER BY d.id DESC
             LIMIT $4
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = subscriptionId });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)state ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)beforeId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        return await ReadAsync(command, ct);
    }

    private string Select => $"""
        SELECT d.id, d.subscription_id, d.position, d.event_id, d.event_type, d.stream_id, d.state, d.attempts,
               COALESCE(w.execution_time, d.next_attempt_at), d.last_status, d.last_error, d.replay_of, d.created_at, d.completed_at,
               COALESCE((SELECT jsonb_agg(jsonb_build_object(
                                   'attempt', a.attempt, 'attemptedAt', a.attempted_at, 'durationMs', a.duration_ms,
                                   'outcome', a.outcome, 'statusCode', a.status_code, 'error', a.error) ORDER BY a.attempt)
                           FROM {_schema}.es_delivery_attempts a WHERE a.delivery_id = d.id), '[]')::text
          FROM {_schema}.es_deliveries d
          LEFT JOIN {_schema}.wolverine_incoming_envelopes w ON w.id = d.envelope_id AND d.state = 'pending'
        """;

    private static async Task<IReadOnlyList<DeliveryRecord>> ReadAsync(NpgsqlCommand command, CancellationToken ct)
    {
        await using var reader = await command.ExecuteReaderAsync(ct);
        var records = new List<DeliveryRecord>();
        while (await reader.ReadAsync(ct))
            records.Add(new DeliveryRecord(
                reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetGuid(3), reader.GetString(4), reader.GetString(5),
                reader.GetString(6), reader.GetInt32(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.IsDBNull(9) ? null : reader.GetInt32(9),
                reader.IsDBNull(10) ? null : reader.GetString(10),
                reader.IsDBNull(11) ? null : reader.GetInt64(11),
                reader.GetFieldValue<DateTimeOffset>(12),
                reader.IsDBNull(13) ? null : reader.GetFieldValue<DateTimeOffset>(13),
                AttemptLogJson.Parse(reader.GetString(14))));
        return records;
    }
}
