using CstoChronicle.Domain.Store;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>
/// Removes finished work older than the retention: deliveries that were delivered, discarded (their subscription was
/// disabled or deleted) or replayed by the queue before Wolverine, completed before the cut-off, with their attempts
/// (ON DELETE CASCADE). Pending deliveries and dead letters stay, whatever their age. Every node may run it; the
/// deletes are idempotent. Wolverine removes its own handled envelopes.
/// </summary>
public sealed class DeliveryRetention(NpgsqlDataSource dataSource, string schema)
{
    private const int BatchSize = 5000;
    private readonly string _schema = SchemaName.Validate(schema);

    /// <summary>Purges in batches until nothing older than <paramref name="retention"/> is left; returns the deliveries removed.</summary>
    public async Task<int> PurgeAsync(TimeSpan retention, CancellationToken ct = default)
    {
        var removed = 0;
        int batch;
        do
        {
            await using var command = dataSource.CreateCommand($"""
                DELETE FROM {_schema}.es_deliveries
                 WHERE id IN (SELECT id FROM {_schema}.es_deliveries
                               WHERE state IN ('delivered', 'replayed', 'discarded') AND completed_at < now() - $1
                               ORDER BY completed_at
                               LIMIT $2
                                 FOR UPDATE SKIP LOCKED)
                """);
            command.Parameters.Add(new NpgsqlParameter { Value = retention, NpgsqlDbType = NpgsqlDbType.Interval });
            command.Parameters.Add(new NpgsqlParameter { Value = BatchSize });
            batch = await command.ExecuteNonQueryAsync(ct);
            removed += batch;
        } while (batch == BatchSize && !ct.IsCancellationRequested);

        return removed;
    }
}
