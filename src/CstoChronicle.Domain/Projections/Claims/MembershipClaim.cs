using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections.Claims;

public enum MembershipChange
{
    Acceded,
    Suspended,
    Frozen,
    Resumed,
    Withdrew,
}

public sealed record MembershipClaim(ClaimVersion Version, string State, MembershipChange Change)
{
    public static MembershipClaim? From(ClaimVersion version, HistoricalEvent fact) => fact switch
    {
        StateAcceded e => new(version, e.State, MembershipChange.Acceded),
        MembershipSuspended e => new(version, e.State, MembershipChange.Suspended),
        ParticipationFrozen e => new(version, e.State, MembershipChange.Frozen),
        MembershipResumed e => new(version, e.State, MembershipChange.Resumed),
        StateWithdrew e => new(version, e.State, MembershipChange.Withdrew),
        _ => null,
    };
}
