namespace CstoChronicle.Domain.Store;

/// <summary>
/// Some of the appended event ids are already stored, but not as exactly this batch of this stream
/// in this order, so the append is neither new nor an idempotent retry. Nothing was written.
/// </summary>
public sealed class EventIdConflictException(string streamId, IReadOnlyList<Guid> eventIds)
    : Exception($"The event ids appended to stream '{streamId}' overlap events already stored in another order, batch or stream.")
{
    public string StreamId { get; } = streamId;
    public IReadOnlyList<Guid> EventIds { get; } = eventIds;
}
