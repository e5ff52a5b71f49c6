using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Projections.Claims;

/// <summary>
/// One stored version of a claim. <see cref="EventId"/> is the fact; <see cref="WrittenBy"/> is the event whose
/// data this version holds: the fact itself or, after a correction, the correction (recorded at <see cref="Position"/>).
/// </summary>
public sealed record ClaimVersion(Guid EventId, Guid WrittenBy, long Position, HistoricalDate On, ClaimRank Rank)
{
    public IReadOnlyList<Guid> EventIds => IdsOf(EventId, WrittenBy);

    /// <summary>The fact, and the correction whose data a version holds when it is not the fact's own.</summary>
    public static IReadOnlyList<Guid> IdsOf(Guid eventId, Guid writtenBy) => writtenBy == eventId ? [eventId] : [eventId, writtenBy];

    public static ClaimVersion Of(Guid eventId, long position, HistoricalEvent fact) =>
        new(eventId, eventId, position, fact.On, fact.Rank);

    public static ClaimVersion Of(Guid eventId, Guid writtenBy, long position, HistoricalEvent fact) =>
        new(eventId, writtenBy, position, fact.On, fact.Rank);
}
