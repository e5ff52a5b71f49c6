using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// A state can only be suspended, frozen or withdraw while it is a member, and only resume while suspended or frozen.
/// The state's status on the fact's date is the fold of its own standing facts that sort before it on the timeline
/// (by earliest, then latest day; ties in recorded order), so facts may be recorded in any order.
/// </summary>
public static class MembershipRules
{
    private enum Status { NeverJoined, Member, Suspended, Frozen, Left }

    public static IReadOnlyList<ValidationError> Check(HistoricalEvent fact, IReadOnlyList<HistoricalEvent> standing)
    {
        // A deprecated claim is kept beside the claims it contradicts; it cannot be held to their state machine.
        if (fact.Rank == ClaimRank.Deprecated || fact.On is null) return [];
        var (status, since) = StatusOn(fact.On, standing);
        var state = StateOf(fact);

        var problem = fact switch
        {
            MembershipSuspended or ParticipationFrozen or StateWithdrew when status is Status.NeverJoined =>
                $"{state} is not a member on {fact.On}: no accession of {state} is recorded on or before that date",
            MembershipSuspended or ParticipationFrozen or StateWithdrew when status is Status.Left =>
                $"{state} is not a member on {fact.On}: it withdrew on {since}",
            MembershipResumed when status is Status.NeverJoined or Status.Left =>
                $"{state} is not a member on {fact.On}, so it has no membership to resume",
            MembershipResumed when status is Status.Member =>
                $"{state}'s membership is not suspended or frozen on {fact.On} (full member since {since}): there is nothing to resume",
            _ => null,
        };
        return problem is null ? [] : [new ValidationError("state", problem)];
    }

    private static (Status Status, HistoricalDate? Since) StatusOn(HistoricalDate day, IReadOnlyList<HistoricalEvent> standing)
    {
        var status = Status.NeverJoined;
        HistoricalDate? since = null;
        foreach (var fact in standing.Where(f => f.On is not null && f.On.CompareTo(day) <= 0).OrderBy(f => f.On))
        {
            var next = fact switch
            {
                StateAcceded => Status.Member,
                MembershipResumed => Status.Member,
                MembershipSuspended => Status.Suspended,
                ParticipationFrozen => Status.Frozen,
                StateWithdrew => Status.Left,
                _ => status,
            };
            if (next == status) continue;
            (status, since) = (next, fact.On);
        }
        return (status, since);
    }

    private static string StateOf(HistoricalEvent fact) => fact switch
    {
        MembershipSuspended e => e.State,
        ParticipationFrozen e => e.State,
        StateWithdrew e => e.State,
        MembershipResumed e => e.State,
        StateAcceded e => e.State,
        _ => fact.StreamId,
    };
}
