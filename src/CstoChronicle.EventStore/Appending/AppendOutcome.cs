using CstoChronicle.EventStore.Schema;
using Npgsql;

namespace CstoChronicle.EventStore.Appending;

/// <summary>What es_append answered, turned into an <see cref="AppendResult"/> or a typed exception.</summary>
internal static class AppendOutcome
{
    public static async Task<AppendResult> ReadAsync(
        NpgsqlDataReader reader, string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct)
    {
        var replayed = new List<RecordedEvent>();
        while (await reader.ReadAsync(ct))
        {
            switch (reader.GetInt32(0))
            {
                case AppendFunction.Appended:
                    return Appended(streamId, events, reader.GetInt64(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3));
                case AppendFunction.WrongVersion:
                    throw new WrongExpectedVersionException(streamId, expected, reader.GetInt64(2));
                case AppendFunction.EventIdConflict:
                    throw new EventIdConflictException(streamId, events.Select(e => e.EventId).ToList());
                case AppendFunction.Replay:
                    replayed.Add(new RecordedEvent(
                        reader.GetInt64(1), streamId, reader.GetInt64(2), reader.GetGuid(4), reader.GetString(5),
                        reader.GetString(6), MetadataJson.Deserialize(reader.GetString(7)), reader.GetFieldValue<DateTimeOffset>(3)));
                    break;
            }
        }

        if (replayed.Count == 0) throw new InvalidOperationException("es_append returned no outcome.");
        return new AppendResult(streamId, replayed[^1].Version, replayed, WasReplay: true);
    }

    private static AppendResult Appended(string streamId, IReadOnlyList<NewEvent> events, long firstPosition, long firstVersion, DateTimeOffset recordedAt)
    {
        var recorded = new RecordedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            recorded[i] = new RecordedEvent(firstPosition + i, streamId, firstVersion + i, e.EventId, e.Type, e.Data, e.Metadata, recordedAt);
        }
        return new AppendResult(streamId, firstVersion + events.Count - 1, recorded, WasReplay: false);
    }
}
