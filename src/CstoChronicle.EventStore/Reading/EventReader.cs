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
        await using var command = LogCommand(connection, afterPosition, filter, limit);
        await command.PrepareAsync(ct);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            if (!reader.IsDBNull(0)) yield return EventColumns.Read(reader);
    }

    public async Task<LogPage> ReadPageAsync(long afterPosition, ReadAllFilter filter, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadPageAsync(connection, null, afterPosition, filter, limit, ct);
    }

    /// <summary>A materialised page; events and head come from one statement, hence one snapshot.</summary>
    public async Task<LogPage> ReadPageAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, long afterPosition, ReadAllFilter filter, int limit, CancellationToken ct)
    {
        await using var command = LogCommand(connection, afterPosition, filter, limit);
        command.Transaction = transaction;
        await command.PrepareAsync(ct);
        var events = new List<RecordedEvent>();
        long head = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            head = reader.GetInt64(8);
            if (!reader.IsDBNull(0)) events.Add(EventColumns.Read(reader));
        }

        var isFull = events.Count == limit;
        var scannedUpTo = isFull ? events[^1].Position : Math.Max(head, afterPosition);
        return new LogPage(events, scannedUpTo, isFull);
    }

    private NpgsqlCommand LogCommand(NpgsqlConnection connection, long afterPosition, ReadAllFilter filter, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentNullException.ThrowIfNull(filter);
        var command = new NpgsqlCommand($"""
            SELECT {EventColumns.Select}, (SELECT last_position FROM {Schema}.es_position)
              FROM (SELECT 1) AS one
              LEFT JOIN LATERAL (
                SELECT * FROM {Schema}.es_events e
                 WHERE e.position > $1
                   AND ($2::text[] IS NULL OR e.type = ANY($2))
                   AND ($3::text IS NULL OR starts_with(e.stream_id, $3))
                 ORDER BY e.position
                 LIMIT $4) AS e ON true
             ORDER BY e.position
            """, connection);
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = afterPosition });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.EventTypes?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)filter.StreamIdPrefix ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = limit });
        return command;
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
