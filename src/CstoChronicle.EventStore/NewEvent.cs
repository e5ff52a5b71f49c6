namespace CstoChronicle.EventStore;

/// <summary>An event to append. <paramref name="Data"/> is JSON text; the store keeps it as jsonb.</summary>
public sealed record NewEvent(Guid EventId, string Type, string Data, EventMetadata Metadata);
