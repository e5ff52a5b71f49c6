using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Queries.Answers;

/// <summary>
/// A historical event on the timeline. <see cref="EventId"/> is the fact; after a correction <see cref="EventIds"/>
/// also names the correction whose data is shown, and <see cref="Position"/>/<see cref="RecordedAt"/> are its own.
/// <see cref="Certainty"/> says whether the event certainly or only possibly falls within the days asked
/// (a fact dated "../2007-10-06" only possibly happened in 2006).
/// </summary>
public sealed record TimelineItem(
    Guid EventId, string Type, string Entity, HistoricalDate On, string Title, ClaimRank Rank, Certainty Certainty,
    DateTimeOffset RecordedAt, long Position, IReadOnlyList<Guid> EventIds);

/// <summary>A page of the timeline in historical order; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record TimelineAnswer(QueryBasis Basis, IReadOnlyList<TimelineItem> Items, string? NextCursor);
