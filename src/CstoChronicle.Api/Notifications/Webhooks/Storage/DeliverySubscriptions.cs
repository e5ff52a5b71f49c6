using CstoChronicle.Domain.Store;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>
/// Creates, reads and deletes subscriptions. Their secrets are written here and read only by the worker.
/// Every read takes an owner: the name of the API key that made the subscription; null means any owner (admins).
/// </summary>
public sealed class DeliverySubscriptions(NpgsqlDataSource dataSource, string schema)
{
    private readonly string _schema = SchemaName.Validate(schema);

    private const string Columns = "id, target, event_types, stream_ids, description, state, state_reason, after_position, created_at, updated_at, owner";

    /// <summary>
    /// The subscription starts at the head of the log: it receives every event committed after it exists.
    /// It takes the fan-out's enqueue lock meanwhile, so no fan-out page can be half-way through events
    /// after that head without seeing the new subscription; the same lock serialises creations, so the
    /// owner's count cannot race past <paramref name="maxPerOwner"/>. Null when the owner has that many already.
    /// </summary>
    public async Task<DeliverySubscription?> CreateAsync(NewDeliverySubscription subscription, int maxPerOwner, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Target);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Secret);
        ArgumentException.ThrowIfNullOrWhiteSpace(subscription.Owner);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await DeliveryChannel.LockForCreationAsync(connection, transaction, _schema, ct);
        await using var command = new NpgsqlCommand($"""
            INSERT INTO {_schema}.es_delivery_subscriptions
                   (id, target, event_types, stream_ids, secret, description, state, after_position, created_at, updated_at, owner)
            SELECT $1, $2, $3, $4, $5, $6, 'active', (SELECT coalesce(max(seq_id), 0) FROM {_schema}.mt_events), now(), now(), $7
             WHERE (SELECT count(*) FROM {_schema}.es_delivery_subscriptions WHERE owner = $7 AND state <> 'deleted') < $8
            RETURNING {Columns}
            """, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.CreateVersion7() });
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Target });
        command.Parameters.Add(TextArray(subscription.EventTypes));
        command.Parameters.Add(TextArray(subscription.StreamIds));
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Secret });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)subscription.Description ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = subscription.Owner });
        command.Parameters.Add(new NpgsqlParameter { Value = (long)maxPerOwner });
        DeliverySubscription? created = null;
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            if (await reader.ReadAsync(ct)) created = Read(reader);
        }
        if (created is null) return null;
        await transaction.CommitAsync(ct);
        return created;
    }

    /// <summary>A subscription that is not deleted and belongs to <paramref name="owner"/> (null: to anyone), or null.</summary>
    public async Task<DeliverySubscription?> GetAsync(Guid id, string? owner, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM {_schema}.es_delivery_subscriptions WHERE id = $1 AND state <> 'deleted' AND ($2::text IS NULL OR owner = $2)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(OwnerParameter(owner));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : null;
    }

    /// <summary>
    /// One page of the subscriptions of <paramref name="owner"/> (null: everyone's) that are not deleted, oldest
    /// first (ids are version 7 UUIDs, in creation order); <paramref name="afterId"/> is the last id of the previous page.
    /// </summary>
    public async Task<IReadOnlyList<DeliverySubscription>> ListAsync(string? owner, int limit, Guid? afterId = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        await using var command = dataSource.CreateCommand($"""
            SELECT {Columns} FROM {_schema}.es_delivery_subscriptions
             WHERE state <> 'deleted' AND ($1::text IS NULL OR owner = $1) AND ($2::uuid IS NULL OR id > $2)
             ORDER BY id
             LIMIT $3
            """);
        command.Parameters.Add(OwnerParameter(owner));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)afterId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter { Value = limit });
        await using var reader = await command.ExecuteReaderAsync(ct);
        var subscriptions = new List<DeliverySubscription>();
        while (await reader.ReadAsync(ct)) subscriptions.Add(Read(reader));
        return subscriptions;
    }

    /// <summary>
    /// Marks it deleted and forgets its secret: nothing more is sent (a delivery in flight finishes). The row
    /// stays for the log. Returns false when <paramref name="owner"/> (null: anyone) has no such subscription.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, string? owner, CancellationToken ct = default)
    {
        await using var command = dataSource.CreateCommand($"""
            UPDATE {_schema}.es_delivery_subscriptions SET state = 'deleted', state_reason = 'deleted', secret = NULL, updated_at = now()
             WHERE id = $1 AND state <> 'deleted' AND ($2::text IS NULL OR owner = $2)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(OwnerParameter(owner));
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    private static NpgsqlParameter OwnerParameter(string? owner) =>
        new() { Value = (object?)owner ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text };

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
        reader.GetFieldValue<DateTimeOffset>(9),
        reader.IsDBNull(10) ? null : reader.GetString(10));
}
