namespace CstoChronicle.Api.Endpoints.Writing;

/// <summary>
/// The answer to a write: the event stored (or found stored already: <see cref="AlreadyRecorded"/>), its entity's
/// stream and the stream's new version (also the ETag, to send as If-Match next), its global position and when and by
/// whom it was recorded.
/// </summary>
public sealed record WriteReceipt(
    Guid EventId, string Entity, long Version, long Position, DateTimeOffset RecordedAt, string RecordedBy, bool AlreadyRecorded);
