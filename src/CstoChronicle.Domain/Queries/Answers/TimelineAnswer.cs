using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Queries.Answers;

/// <summary>
/// A historical event on the timeline. <see cref="EventId"/> is the fact; after a correction <see cref="EventIds"/>
/// also names the correction whose data is shown, and <see cref="Position"/>/<see cref="RecordedAt"/> are its own.
/// </summary>
public sealed record TimelineItem(
    Guid EventId, string Type, string Entity, HistoricalDate On, string Title, ClaimRank Rank,
    DateTimeOffset RecordedAt, long Position, IReadOnlyList<Guid> EventIds);

/// <summary>A page of the timeline in historical order; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record TimelineAnswer(QueryBasis Basis, IReadOnlyList<TimelineItem> Items, string? NextCursor);
