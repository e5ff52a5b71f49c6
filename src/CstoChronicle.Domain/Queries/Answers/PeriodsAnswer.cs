using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Queries.Answers;

/// <summary>A kind of history told as periods: one lane per state, office, body or document.</summary>
public enum PeriodView
{
    Membership,
    SecretaryGeneral,
    Chairmanship,
    Bodies,
    Documents,
}

/// <summary>
/// Where a period begins or ends: the historical date of the change and the days it may mean (null: open or unknown
/// on that side). Certain when the date is one known day, possible when it spans several or is qualified (? ~ %).
/// </summary>
public sealed record PeriodEdge(HistoricalDate On, DateOnly? Earliest, DateOnly? Latest, Certainty Certainty);

/// <summary>
/// A claim behind a period. <see cref="Role"/> is <c>start</c> or <c>end</c> for the chosen claims that open or close
/// it, <c>competing</c> for a claim the ranking set aside (deprecated, or outranked by a preferred claim of the same
/// fact) whose date lies nearest this period. <see cref="Says"/> is what the claim states, in a few words.
/// </summary>
public sealed record PeriodClaim(Guid EventId, string Role, HistoricalDate On, ClaimRank Rank, string Says);

/// <summary>
/// One period of a lane: from <see cref="Start"/> until <see cref="End"/> (the first day of what follows; null while
/// it lasts), the lane was in <see cref="Value"/> (a status, a person id, a state code, a name). Certain when at least
/// one day lies certainly inside it, possible otherwise. Disputed when a competing claim sits nearest it.
/// <see cref="EventIds"/> are the events of its claims, start and end first, for the sources.
/// </summary>
public sealed record Period(
    string Value, string Label, PeriodEdge Start, PeriodEdge? End, Certainty Certainty, bool Disputed,
    IReadOnlyList<Guid> EventIds, IReadOnlyList<PeriodClaim> Claims);

/// <summary>
/// One row of the history: a state's membership, the office of Secretary General, the chairmanship, a body, a document.
/// <see cref="Competing"/> holds set-aside claims of a lane that has no period to place them in.
/// </summary>
public sealed record PeriodLane(string View, string Id, string Name, IReadOnlyList<Period> Periods, IReadOnlyList<PeriodClaim> Competing);

public sealed record PeriodsAnswer(QueryBasis Basis, IReadOnlyList<PeriodView> Views, IReadOnlyList<PeriodLane> Lanes);
