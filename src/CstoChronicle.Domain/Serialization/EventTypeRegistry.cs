using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Serialization;

/// <summary>
/// Maps the chronicle's events to the store's type names and back. A type name is the C# record name
/// (<c>StateAcceded</c>), so renaming a record is a breaking change to stored data.
/// </summary>
public static class EventTypeRegistry
{
    private static readonly Dictionary<string, Type> ByName = Discover().ToDictionary(t => t.Name, StringComparer.Ordinal);

    /// <summary>Every event type name the chronicle stores.</summary>
    public static IReadOnlyCollection<string> TypeNames { get; } = ByName.Keys.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The type names of historical facts (everything but sources, corrections and retractions).</summary>
    public static IReadOnlyCollection<string> HistoricalTypeNames { get; } =
        ByName.Where(p => p.Value.IsSubclassOf(typeof(HistoricalEvent))).Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();

    public static bool TryGetType(string typeName, out Type type) => ByName.TryGetValue(typeName, out type!);

    public static bool IsHistorical(string typeName) => TryGetType(typeName, out var type) && type.IsSubclassOf(typeof(HistoricalEvent));

    public static string NameOf(Type type) =>
        ByName.TryGetValue(type.Name, out var known) && known == type
            ? type.Name
            : throw new ArgumentException($"{type.FullName} is not a chronicle event.", nameof(type));

    public static string NameOf(object @event) => NameOf(@event.GetType());

    /// <summary>The store's type name and JSON data of an event.</summary>
    public static (string Type, string Json) Serialize(object @event) =>
        (NameOf(@event), JsonSerializer.Serialize(@event, @event.GetType(), ChronicleJson.Options));

    public static object Deserialize(RecordedEvent recorded) => Deserialize(recorded.Type, recorded.Data);

    /// <summary>Reads event data of a known type; throws <see cref="JsonException"/> when the data does not fit it.</summary>
    public static object Deserialize(string typeName, string json)
    {
        if (!TryGetType(typeName, out var type))
            throw new JsonException($"'{typeName}' is not a known event type.");
        return JsonSerializer.Deserialize(json, type, ChronicleJson.Options)
            ?? throw new JsonException($"The data of a {typeName} is null.");
    }

    public static object Deserialize(string typeName, JsonElement data) => Deserialize(typeName, data.GetRawText());

    private static IEnumerable<Type> Discover() =>
        typeof(HistoricalEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(HistoricalEvent)))
            .Append(typeof(SourceRegistered))
            .Append(typeof(EventCorrected))
            .Append(typeof(EventRetracted));
}
