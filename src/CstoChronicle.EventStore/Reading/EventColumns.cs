using CstoChronicle.EventStore.Appending;
using Npgsql;

namespace CstoChronicle.EventStore.Reading;

/// <summary>The column list every event query selects, and its mapping to <see cref="RecordedEvent"/>.</summary>
internal static class EventColumns
{
    public const int Count = 8;

    public const string Select = "e.position, e.stream_id, e.version, e.event_id, e.type, e.data::text, e.metadata::text, e.recorded_at";

    public static RecordedEvent Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetInt64(2),
        reader.GetGuid(3),
        reader.GetString(4),
        reader.GetString(5),
        MetadataJson.Deserialize(reader.GetString(6)),
        reader.GetFieldValue<DateTimeOffset>(7));
}
