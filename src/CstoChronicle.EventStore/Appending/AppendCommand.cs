using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.EventStore.Appending;

/// <summary>Builds the call of {schema}.es_append: the whole batch travels as arrays in one statement.</summary>
internal static class AppendCommand
{
    public static NpgsqlCommand Create(
        EventStoreOptions options, NpgsqlConnection connection, NpgsqlTransaction? transaction,
        string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events)
    {
        var ids = new Guid[events.Count];
        var types = new string[events.Count];
        var data = new string[events.Count];
        var metadata = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            ids[i] = events[i].EventId;
            types[i] = events[i].Type;
            data[i] = events[i].Data;
            metadata[i] = MetadataJson.Serialize(events[i].Metadata);
        }

        var command = new NpgsqlCommand(
            $"SELECT status, position, version, recorded_at, event_id, type, data::text, metadata::text FROM {options.Schema}.es_append($1, $2, $3, $4, $5, $6, $7)",
            connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = streamId, NpgsqlDbType = NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = expected.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = data, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string[]> { TypedValue = metadata, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = options.NotificationChannel, NpgsqlDbType = NpgsqlDbType.Text });
        return command;
    }
}
