namespace CstoChronicle.EventStore;

/// <summary>An event as the store holds it: its global position, its version in its stream, and when it was recorded.</summary>
public sealed record RecordedEvent(
    long Position,
    string StreamId,
    long Version,
    Guid EventId,
    string Type,
    string Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt);
