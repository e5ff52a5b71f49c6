using System.Text.Json;
using CstoChronicle.Domain.Serialization;
using JasperFx.Events;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// An event as the chronicle reads it from Marten: its global position (Marten's sequence), its version in its
/// stream, its catalog type name, its data as JSON, who recorded it and why, and when it was recorded.
/// </summary>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt)
{
    public static RecordedEvent From(IEvent e) => new(
        e.Sequence, e.StreamKey!, e.Version, e.Id, e.EventTypeName,
        JsonSerializer.Serialize(e.Data, e.EventType, ChronicleJson.Options),
        new EventMetadata(e.UserName, e.CorrelationId, e.CausationId, Reason(e)),
        AsStored(e.Timestamp));

    /// <summary>PostgreSQL keeps microseconds: an event just appended reports its time as a later read will.</summary>
    internal static DateTimeOffset AsStored(DateTimeOffset timestamp) => timestamp.AddTicks(-(timestamp.Ticks % 10));

    internal static string? Reason(IEvent e) =>
        e.Headers?.TryGetValue(ChronicleMarten.ReasonHeader, out var reason) == true ? reason switch
        {
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } json => json.GetString(),
            _ => reason?.ToString(),
        } : null;
}
