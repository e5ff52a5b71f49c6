using CstoChronicle.EventStore.Reading;
using Npgsql;

namespace CstoChronicle.EventStore.Daemon;

/// <summary>
/// Moves one projection forward by one batch: lock its checkpoint, read the events after it,
/// apply them and advance the checkpoint, all in one transaction. A crash anywhere loses nothing
/// and repeats nothing: the writes and the checkpoint commit together or not at all.
/// </summary>
internal sealed class ProjectionRunner(NpgsqlDataSource dataSource, EventStoreOptions options, EventReader reader, Checkpoints checkpoints)
{
    /// <summary>Returns true when the batch was full, i.e. there may be more to do right away.</summary>
    public async Task<bool> RunBatchAsync(IProjection projection, int batchSize, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        var checkpoint = await checkpoints.LockAsync(connection, transaction, projection.Name, ct);
        var page = await reader.ReadPageAsync(connection, transaction, checkpoint, new ReadAllFilter(projection.EventTypes), batchSize, ct);
        if (page.ScannedUpTo <= checkpoint) return false; // nothing new; the transaction rolls back

        if (page.Events.Count > 0)
            await projection.ApplyAsync(new ProjectionContext(connection, transaction, options.Schema), page.Events, ct);
        await checkpoints.SetAsync(connection, transaction, projection.Name, page.ScannedUpTo, ct);
        await transaction.CommitAsync(ct);
        return page.IsFull;
    }

    /// <summary>Empties the projection's tables and sets its checkpoint to zero, in one transaction.</summary>
    public async Task ResetAsync(IProjection projection, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await checkpoints.LockAsync(connection, transaction, projection.Name, ct);
        await projection.ResetAsync(new ProjectionContext(connection, transaction, options.Schema), ct);
        await checkpoints.SetAsync(connection, transaction, projection.Name, 0, ct);
        await transaction.CommitAsync(ct);
    }
}
