using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Domain.Projections;

/// <summary>Reads stored event data back into the chronicle's records; a type the chronicle does not know reads as null (it is still logged).</summary>
public static class StoredEvents
{
    public static object? Read(string type, string data) =>
        EventTypeRegistry.TryGetType(type, out _) ? EventTypeRegistry.Deserialize(type, data) : null;

    /// <summary>A placeholder Marten writes for the positions of a rolled-back append; no reader of the chronicle sees it.</summary>
    public static bool IsTombstone(JasperFx.Events.IEvent e) => e.StreamKey == JasperFx.Events.Tombstone.StreamKey;

    public static HistoricalEvent? ReadFact(string type, JsonElement data) =>
        EventTypeRegistry.IsHistorical(type) ? (HistoricalEvent)EventTypeRegistry.Deserialize(type, data) : null;
}
