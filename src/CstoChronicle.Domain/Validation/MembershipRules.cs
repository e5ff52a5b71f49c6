using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// A state can only be suspended, frozen or withdraw while it is a member, and only resume while suspended or frozen.
/// The state's status on the fact's date is a fold of its own standing facts in timeline order (by earliest, then
/// latest day; ties in recorded order), so facts may be recorded in any order. With partial dates a fact may or may
/// not come before the new one; the change is refused only when it is wrong on both readings: folding just the facts
/// certainly on or before it, and folding every fact possibly on or before it.
/// </summary>
public static class MembershipRules
{
    private enum Status { NeverJoined, Member, Suspended, Frozen, Left }

    private readonly record struct Standing(Status Status, HistoricalDate? Since);

    public static IReadOnlyList<ValidationError> Check(HistoricalEvent fact, IReadOnlyList<HistoricalEvent> standing)
    {
        // A deprecated claim is kept beside the claims it contradicts; it cannot be held to their state machine.
        if (fact.Rank == ClaimRank.Deprecated || fact.On is null) return [];
        var day = fact.On;
        var certain = Fold(standing.Where(f => f.On is not null && f.On.Latest <= day.Earliest));
        var possible = Fold(standing.Where(f => f.On is not null && f.On.Earliest <= day.Latest));
        var onCertainReading = Problem(fact, certain);
        var onPossibleReading = Problem(fact, possible);
        return onCertainReading is not null && onPossibleReading is not null ? [new ValidationError("state", onPossibleReading)] : [];
    }

    private static string? Problem(HistoricalEvent fact, Standing standing)
    {
        var state = StateOf(fact);
        return (fact, standing.Status) switch
        {
            (MembershipSuspended or ParticipationFrozen or StateWithdrew, Status.NeverJoined) =>
                $"{state} is not a member on {fact.On}: no accession of {state} is recorded on or before that date",
            (MembershipSuspended or ParticipationFrozen or StateWithdrew, Status.Left) =>
                $"{state} is not a member on {fact.On}: it withdrew on {standing.Since}",
            (MembershipResumed, Status.NeverJoined or Status.Left) =>
                $"{state} is not a member on {fact.On}, so it has no membership to resume",
            (MembershipResumed, Status.Member) =>
                $"{state}'s membership is not suspended or frozen on {fact.On} (full member since {standing.Since}): there is nothing to resume",
            _ => null,
        };
    }

    private static Standing Fold(IEnumerable<HistoricalEvent> before)
    {
        var standing = new Standing(Status.NeverJoined, null);
        foreach (var fact in before.OrderBy(f => f.On))
        {
            var next = fact switch
            {
                StateAcceded or MembershipResumed => Status.Member,
                MembershipSuspended => Status.Suspended,
                ParticipationFrozen => Status.Frozen,
                StateWithdrew => Status.Left,
                _ => standing.Status,
            };
            if (next != standing.Status) standing = new Standing(next, fact.On);
        }
        return standing;
    }

    private static string StateOf(HistoricalEvent fact) => fact switch
    {
        MembershipSuspended e => e.State,
        ParticipationFrozen e => e.State,
        StateWithdrew e => e.State,
        MembershipResumed e => e.State,
        _ => fact.StreamId,
    };
}
