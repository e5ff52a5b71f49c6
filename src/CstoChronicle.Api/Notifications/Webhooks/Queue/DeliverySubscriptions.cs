using CstoChronicle.Domain.Store;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>Creates, reads and deletes subscriptions. Their secrets are written here and read only by the worker.</summary>
public sealed class DeliverySubscriptions(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _schema = SchemaName.Validate(schema);

    private const string Columns = "id, target, event_types, stream_ids, description, state, state_reason, after_position, created_at, updated_at";

    /// <summary>
    /// The subscription starts at the head of the log: it receives every event committed after it exists.
    /// It takes the fan-out's enqueue lock meanwhile, so no fan-out page can be half-way through events
    /// after that head without seeing the new subscription.
    /// </summary>
    public async Task<DeliverySubscription> CreateAsync(NewDeliverySubscription subscription, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Target);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Secret);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await DeliveryChannel.LockEnqueueAsync(connection, transaction, _schema, ct);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {_schema}.es_delivery_subscriptions
                   (id, target, event_types, stream_ids, secret, description, state, after_position, created_at, updated_at)
            SELECT $1, $2, $3, $4, $5, $6, 'active', (SELECT coalesce(max(seq_id), 0) FROM {_schema}.mt_events), now(), now()
            RETURNING {Columns}
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Target });
        command.Parameters.Add(TextArray(subscription.EventTypes));
        command.Parameters.Add(TextArray(subscription.StreamIds));
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Secret });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)subscription.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        DeliverySubscription created;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            await reader.ReadAsync(ct);
            created = Read(reader);
        }
        await transaction.CommitAsync(ct);
        return created;
    }

    /// <summary>A subscription that is not deleted, or null.</summary>
    public async Task<DeliverySubscription?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM {_schema}.es_delivery_subscriptions WHERE id = $1 AND state <> 'deleted'");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>Every subscription that is not deleted, oldest first.</summary>
    public async Task<IReadOnlyList<DeliverySubscription>> ListAsync(CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM {_schema}.es_delivery_subscriptions WHERE state <> 'deleted' ORDER BY created_at, id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var subscriptions = new List<DeliverySubscription>();
        while (await reader.ReadAsync(ct)) subscriptions.Add(Read(reader));
        return subscriptions;
    }

    /// <summary>
    /// Marks it deleted: nothing more is sent (a delivery in flight finishes). The row stays for the log.
    /// Returns false when there is no such subscription.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE {_schema}.es_delivery_subscriptions SET state = 'deleted', state_reason = 'deleted', updated_at = now()
             WHERE id = $1 AND state <> 'deleted'
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static NpgsqlParameter TextArray(IReadOnlyList<string>? values) =>
        new() { Value = (object?)values?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text };

    private static DeliverySubscription Read(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetFieldValue<string[]>(2),
        reader.IsDBNull(3) ? null : reader.GetFieldValue<string[]>(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        reader.GetString(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        reader.GetInt64(7),
        reader.GetFieldValue<DateTimeOffset>(8),
        reader.GetFieldValue<DateTimeOffset>(9));
}
