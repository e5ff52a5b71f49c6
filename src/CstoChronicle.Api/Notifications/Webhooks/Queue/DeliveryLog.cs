using CstoChronicle.Domain.Store;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>What was sent to a subscription and how it went; dead letters and their replay.</summary>
public sealed class DeliveryLog(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _schema = SchemaName.Validate(schema);

    /// <summary>The subscription's deliveries, newest first, each with its attempts; <paramref name="beforeId"/> pages back.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListAsync(Guid subscriptionId, int limit, long? beforeId = null, CancellationToken ct = default) =>
        QueryAsync(subscriptionId, null, limit, beforeId, ct);

    /// <summary>The subscription's dead letters (every attempt failed, not yet replayed), newest first.</summary>
    public Task<IReadOnlyList<DeliveryRecord>> ListDeadLettersAsync(Guid subscriptionId, int limit, long? beforeId = null, CancellationToken ct = default) =>
        QueryAsync(subscriptionId, DeliveryStates.Dead, limit, beforeId, ct);

    /// <summary>
    /// Queues a dead letter again, at the end of its subscription's queue, with fresh attempts and the same
    /// message id and payload. The dead letter is marked replayed. Null when it is not a dead letter of the subscription.
    /// </summary>
    public async Task<DeliveryRecord?> ReplayAsync(Guid subscriptionId, long deliveryId, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await DeliveryChannel.LockEnqueueAsync(connection, transaction, _schema, ct);
        await using var command = new NpgsqlCommand($"""
            WITH dead AS (
                UPDATE {_schema}.es_deliveries SET state = 'replayed'
                 WHERE id = $1 AND subscription_id = $2 AND state = 'dead'
                RETURNING id, subscription_id, position, event_id, event_type, stream_id)
            INSERT INTO {_schema}.es_deliveries
                   (subscription_id, position, event_id, event_type, stream_id, state, next_attempt_at, replay_of, created_at)
            SELECT subscription_id, position, event_id, event_type, stream_id, 'pending', now(), id, now() FROM dead
            RETURNING id
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = deliveryId });
        command.Parameters.Add(new NpgsqlParameter { Value = subscriptionId });
        if (await command.ExecuteScalarAsync(ct) is not long replayId) return null;
        await transaction.CommitAsync(ct);
        return await GetAsync(replayId, ct);
    }

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
               d.next_attempt_at, d.last_status, d.last_error, d.replay_of, d.created_at, d.completed_at,
               COALESCE((SELECT jsonb_agg(jsonb_build_object(
                                   'attempt', a.attempt, 'attemptedAt', a.attempted_at, 'durationMs', a.duration_ms,
                                   'outcome', a.outcome, 'statusCode', a.status_code, 'error', a.error) ORDER BY a.attempt)
                           FROM {_schema}.es_delivery_attempts a WHERE a.delivery_id = d.id), '[]')::text
          FROM {_schema}.es_deliveries d
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
