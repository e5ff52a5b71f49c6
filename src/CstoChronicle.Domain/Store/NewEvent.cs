namespace CstoChronicle.Domain.Store;

/// <summary>A chronicle event to append: its id (deterministic for keyed writes), its record, and who recorded it why.</summary>
public sealed record NewEvent(Guid EventId, object Data, EventMetadata Metadata);
