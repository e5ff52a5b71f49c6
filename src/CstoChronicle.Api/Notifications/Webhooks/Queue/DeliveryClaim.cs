using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>
/// One delivery claimed for sending: its row stays locked (FOR UPDATE) in an open transaction until the
/// outcome is recorded. If the process dies meanwhile, the transaction rolls back and the delivery is
/// still pending, to be sent again with the same message id.
/// </summary>
internal sealed class DeliveryClaim : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _schema;
    private readonly long _started = Stopwatch.GetTimestamp();

    private DeliveryClaim(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, DeliveryRequest request)
    {
        _connection = connection;
        _transaction = transaction;
        _schema = schema;
        Request = request;
    }

    public DeliveryRequest Request { get; }

    /// <summary>
    /// Claims the due delivery that waited longest among the heads of the active subscriptions' queues.
    /// Only a head can be claimed, and a head in flight is locked (skipped by others), so each
    /// subscription has at most one delivery in flight, and they go in order.
    /// </summary>
    public static async Task<DeliveryClaim?> TryClaimAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand($"""
                SELECT d.id, d.subscription_id, s.target, s.secret, d.event_id, d.position, p.payload, d.attempts
                  FROM {schema}.es_deliveries d
                  JOIN {schema}.es_delivery_subscriptions s ON s.id = d.subscription_id
                  JOIN {schema}.es_delivery_payloads p ON p.position = d.position
                 WHERE d.id IN (SELECT head.id
                                  FROM {schema}.es_delivery_subscriptions a
                                 CROSS JOIN LATERAL (SELECT q.id FROM {schema}.es_deliveries q
                                                      WHERE q.subscription_id = a.id AND q.state = 'pending'
                                                      ORDER BY q.id LIMIT 1) head
                                 WHERE a.state = 'active')
                   AND d.state = 'pending'
                   AND d.next_attempt_at <= now()
                   AND s.state = 'active'
                 ORDER BY d.next_attempt_at, d.id
                 LIMIT 1
                 FOR UPDATE OF d SKIP LOCKED
                """, connection, transaction);
            DeliveryRequest? request = null;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                if (await reader.ReadAsync(ct))
                    request = new DeliveryRequest(
                        reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                        reader.GetGuid(4), reader.GetInt64(5), reader.GetString(6), reader.GetInt32(7) + 1);
            }
            if (request is not null && !await IsStillActiveAsync(connection, transaction, schema, request.SubscriptionId, ct))
                request = null;
            if (request is null)
            {
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
                return null;
            }
            return new DeliveryClaim(connection, transaction, schema, request);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// The claim's statement judged the subscription by its snapshot: when the row lock on the delivery had to
    /// wait for another worker's commit, PostgreSQL re-checks the delivery's new version but not the
    /// subscription's. That worker may just have disabled it (410) or it may have been deleted, so look again
    /// in a statement of its own, which sees every commit before the lock was granted.
    /// </summary>
    private static async Task<bool> IsStillActiveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, Guid subscriptionId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM {schema}.es_delivery_subscriptions WHERE id = $1 AND state = 'active')", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = subscriptionId });
        return await command.ExecuteScalarAsync(ct) is true;
    }

    /// <summary>Records the attempt in the log and the delivery's new state, and commits.</summary>
    public async Task CompleteAsync(DeliveryResult result, DeliveryOptions options, CancellationToken ct)
    {
        var durationMs = (int)Stopwatch.GetElapsedTime(_started).TotalMilliseconds;
        var isLast = Request.Attempt >= options.MaxAttempts;
        var (state, outcome, delay) = result.Outcome switch
        {
            DeliveryOutcome.Delivered => (DeliveryStates.Delivered, "delivered", TimeSpan.Zero),
            DeliveryOutcome.Gone => (DeliveryStates.Pending, "gone", TimeSpan.Zero),
            _ when isLast => (DeliveryStates.Dead, "dead", TimeSpan.Zero),
            _ => (DeliveryStates.Pending, "failed", RetrySchedule.NextDelay(options, Request.Attempt, result.RetryAfter, Random.Shared.NextDouble())),
        };

        await using var batch = new NpgsqlBatch(_connection, _transaction);
        var update = new NpgsqlBatchCommand($"""
            UPDATE {_schema}.es_deliveries
               SET state = $2, attempts = $3, next_attempt_at = now() + $4, last_status = $5, last_error = $6,
                   completed_at = CASE WHEN $2 = 'pending' THEN NULL ELSE now() END
             WHERE id = $1
            """);
        update.Parameters.Add(new NpgsqlParameter { Value = Request.DeliveryId });
        update.Parameters.Add(new NpgsqlParameter { Value = state });
        update.Parameters.Add(new NpgsqlParameter { Value = Request.Attempt });
        update.Parameters.Add(new NpgsqlParameter { Value = delay, NpgsqlDbType = NpgsqlDbType.Interval });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)result.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        update.Parameters.Add(new NpgsqlParameter { Value = (object?)Truncate(result.Error) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(update);

        var log = new NpgsqlBatchCommand($"""
            INSERT INTO {_schema}.es_delivery_attempts (delivery_id, attempt, subscription_id, attempted_at, duration_ms, outcome, status_code, error)
            VALUES ($1, $2, $3, now(), $4, $5, $6, $7)
            """);
        log.Parameters.Add(new NpgsqlParameter { Value = Request.DeliveryId });
        log.Parameters.Add(new NpgsqlParameter { Value = Request.Attempt });
        log.Parameters.Add(new NpgsqlParameter { Value = Request.SubscriptionId });
        log.Parameters.Add(new NpgsqlParameter { Value = durationMs });
        log.Parameters.Add(new NpgsqlParameter { Value = outcome });
        log.Parameters.Add(new NpgsqlParameter { Value = (object?)result.StatusCode ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        log.Parameters.Add(new NpgsqlParameter { Value = (object?)Truncate(result.Error) ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        batch.BatchCommands.Add(log);

        if (result.Outcome == DeliveryOutcome.Gone)
        {
            var disable = new NpgsqlBatchCommand($"""
                UPDATE {_schema}.es_delivery_subscriptions
                   SET state = 'disabled', state_reason = $2, updated_at = now()
                 WHERE id = $1 AND state = 'active'
                """);
            disable.Parameters.Add(new NpgsqlParameter { Value = Request.SubscriptionId });
            disable.Parameters.Add(new NpgsqlParameter { Value = $"The receiver answered {result.StatusCode?.ToString() ?? "gone"}: it wants no more deliveries." });
            batch.BatchCommands.Add(disable);
        }

        await batch.ExecuteNonQueryAsync(ct);
        await _transaction.CommitAsync(ct);
    }

    private static string? Truncate(string? error) => error is { Length: > 2000 } ? error[..2000] : error;

    public async ValueTask DisposeAsync()
    {
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
