using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.EventStore.Reading;

/// <summary>
/// The read paths. Appends commit in position order (see es_append), so any snapshot holds a gapless
/// prefix of the log: reading "position > p" never skips an event that commits later.
/// </summary>
internal sealed class EventReader(NpgsqlDataSource dataSource, EventStoreOptions options)
{
    private string Schema => options.Schema;

    public async IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {EventColumns.Select} FROM {Schema}.es_events e WHERE e.stream_id = $1 AND e.version >= $2 ORDER BY e.version");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = Math.Max(1, fromVersion) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return EventColumns.Read(reader);
    }

    /// <summary>Streams rows straight from the reader; the connection is held while the caller enumerates.</summary>
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, ReadAllFilter filter, int limit, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var command = new NpgsqlCommand(LogSql, connection);
        AddLogParameters(command.Parameters, afterPosition, filter, limit);
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) yield return EventColumns.Read(reader);
    }

    public async Task<LogPage> ReadPageAsync(long afterPosition, ReadAllFilter filter, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadPageAsync(connection, null, afterPosition, filter, limit, ct);
    }

    /// <summary>
    /// A page and how far it scanned, in one round trip: the head first, then the events with the head
    /// of their own snapshot. When no event matches, the first head is safe to move to: everything up to
    /// it had committed when it was read (appends commit in position order), so the later read saw it all.
    /// </summary>
    public async Task<LogPage> ReadPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long afterPosition, ReadAllFilter filter, int limit, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT last_position FROM {Schema}.es_position"));
        var events = new NpgsqlBatchCommand(LogSql);
        AddLogParameters(events.Parameters, afterPosition, filter, limit);
        batch.BatchCommands.Add(events);
        await batch.PrepareAsync(ct);

        await using var reader = await batch.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var head = reader.GetInt64(0);
        await reader.NextResultAsync(ct);
        var page = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct))
        {
            page.Add(EventColumns.Read(reader));
            head = reader.GetInt64(EventColumns.Count);
        }

        var isFull = page.Count == limit;
        return new LogPage(page, isFull ? page[^1].Position : Math.Max(head, afterPosition), isFull);
    }

    private string LogSql => $"""
        SELECT {EventColumns.Select}, (SELECT last_position FROM {Schema}.es_position)
          FROM {Schema}.es_events e
         WHERE e.position > $1
           AND ($2::text[] IS NULL OR e.type = ANY($2))
           AND ($3::text IS NULL OR starts_with(e.stream_id, $3))
         ORDER BY e.position
         LIMIT $4
        """;

    private static void AddLogParameters(NpgsqlParameterCollection parameters, long afterPosition, ReadAllFilter filter, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(filter);
        parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        parameters.Add(new NpgsqlParameter { Value = (object?)filter.EventTypes?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)filter.StreamIdPrefix ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
    }

    public async Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT {EventColumns.Select} FROM {Schema}.es_events e WHERE e.event_id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? EventColumns.Read(reader) : null;
    }

    public async Task<StreamState?> GetStreamStateAsync(string streamId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT version, created_at, updated_at FROM {Schema}.es_streams WHERE stream_id = $1");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new StreamState(streamId, reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetFieldValue<DateTimeOffset>(2))
            : null;
    }

    /// <summary>The committed counter equals the highest committed position, because appends commit in position order.</summary>
    public async Task<long> GetHeadPositionAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT last_position FROM {Schema}.es_position");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
