using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

public enum MembershipStatus
{
    Member,
    Suspended,
    Frozen,
}

/// <summary>A state's membership on the asked day: its status, since when, how sure, on which events.</summary>
public sealed record Member(
    string State, string Name, MembershipStatus Status, HistoricalDate Since, Certainty Certainty, IReadOnlyList<Guid> EventIds);

/// <summary>The states that were (possibly) members, suspended or frozen; states that had left are not listed.</summary>
public sealed record MembersAnswer(QueryBasis Basis, IReadOnlyList<Member> Members);
