using System.Text.Json;
using System.Text.Json.Serialization;
using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Reads stored event data back into the chronicle's records: the type name is the record's name, the data camelCase
/// JSON with enums as camelCase strings (as the dataset writes them).
/// </summary>
internal static class ProjectedEventTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static readonly IReadOnlyDictionary<string, Type> ByName = typeof(HistoricalEvent).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && (t.IsSubclassOf(typeof(HistoricalEvent))
            || t == typeof(EventCorrected) || t == typeof(EventRetracted) || t == typeof(SourceRegistered)))
        .ToDictionary(t => t.Name);

    /// <summary>The record, or null for a type the chronicle does not know (it is still logged).</summary>
    public static object? Read(string type, string data) =>
        ByName.TryGetValue(type, out var clrType) ? JsonSerializer.Deserialize(data, clrType, Json) : null;

    public static HistoricalEvent? ReadAs(string type, JsonElement data) =>
        ByName.TryGetValue(type, out var clrType) && clrType.IsSubclassOf(typeof(HistoricalEvent))
            ? (HistoricalEvent?)data.Deserialize(clrType, Json)
            : null;
}
