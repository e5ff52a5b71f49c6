using Npgsql;

namespace CstoChronicle.EventStore.Appending;

/// <summary>
/// Appends one batch to one stream. Without an interested inline projection the append is a single
/// autocommitted statement (one round trip); otherwise the projections run after it in the same transaction.
/// </summary>
internal sealed class EventAppender(NpgsqlDataSource dataSource, EventStoreOptions options, IReadOnlyList<IProjection> inlineProjections)
{
    private const string UniqueViolation = "23505";

    public async Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        Validate(streamId, events);
        var projections = InterestedProjections(events);

        await using var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            if (projections.Count == 0)
            {
                await using var command = AppendCommand.Create(options, connection, null, streamId, expected, events);
                await command.PrepareAsync(ct);
                await using var reader = await command.ExecuteReaderAsync(ct);
                return await AppendOutcome.ReadAsync(reader, streamId, expected, events, ct);
            }

            await using var transaction = await connection.BeginTransactionAsync(ct);
            AppendResult result;
            await using (var command = AppendCommand.Create(options, connection, transaction, streamId, expected, events))
            {
                await command.PrepareAsync(ct);
                await using var reader = await command.ExecuteReaderAsync(ct);
                result = await AppendOutcome.ReadAsync(reader, streamId, expected, events, ct);
            }

            if (result.WasReplay) return result; // disposing the transaction rolls back the net-zero counter update

            var context = new ProjectionContext(connection, transaction, options.Schema);
            foreach (var projection in projections)
                await projection.ApplyAsync(context, Matching(projection, result.Events), ct);

            await transaction.CommitAsync(ct);
            return result;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == "es_events_stream_version_key")
        {
            // Only reachable if something writes es_events around es_append; the version check normally answers first.
            throw new WrongExpectedVersionException(streamId, expected, await CurrentVersionAsync(streamId, ct));
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation && e.ConstraintName == "es_events_event_id_key")
        {
            throw new EventIdConflictException(streamId, events.Select(x => x.EventId).ToList());
        }
    }

    private List<IProjection> InterestedProjections(IReadOnlyList<NewEvent> events) =>
        inlineProjections.Where(p => p.EventTypes is null || events.Any(e => p.EventTypes.Contains(e.Type))).ToList();

    private static IReadOnlyList<RecordedEvent> Matching(IProjection projection, IReadOnlyList<RecordedEvent> events) =>
        projection.EventTypes is null ? events : events.Where(e => projection.EventTypes.Contains(e.Type)).ToList();

    private async Task<long> CurrentVersionAsync(string streamId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce((SELECT version FROM {options.Schema}.es_streams WHERE stream_id = $1), 0)");
        command.Parameters.Add(new NpgsqlParameter { Value = streamId });
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    private static void Validate(string streamId, IReadOnlyList<NewEvent> events)
    {
        ArgumentException.ThrowIfNullOrEmpty(streamId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) throw new ArgumentException("An append needs at least one event.", nameof(events));
        if (events.Select(e => e.EventId).Distinct().Count() != events.Count)
            throw new ArgumentException("An append cannot contain the same event id twice.", nameof(events));
        foreach (var e in events)
            if (string.IsNullOrWhiteSpace(e.Type)) throw new ArgumentException("Every event needs a type.", nameof(events));
    }
}
