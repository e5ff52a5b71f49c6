using CstoChronicle.Domain.Store;
using JasperFx.Events;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// What the projection needs of an event besides its data: where it stands in the log, who recorded it, when and why.
/// Unlike <see cref="RecordedEvent"/> it does not serialize the data again: Marten already holds it in mt_events.
/// </summary>
internal sealed record ProjectedEvent(Guid EventId, long Position, string StreamId, long Version, string Type,
    DateTimeOffset RecordedAt, string? RecordedBy, string? Reason)
{
    public static ProjectedEvent From(IEvent e) =>
        new(e.Id, e.Sequence, e.StreamKey!, e.Version, e.EventTypeName, RecordedEvent.AsStored(e.Timestamp), e.UserName, RecordedEvent.Reason(e));
}
