using System.Text.Json;
using System.Text.Json.Serialization;

namespace CstoChronicle.EventStore.Appending;

internal static class MetadataJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Serialize(EventMetadata metadata) => JsonSerializer.Serialize(metadata, Options);

    public static EventMetadata Deserialize(string json) => JsonSerializer.Deserialize<EventMetadata>(json, Options) ?? EventMetadata.Empty;
}
