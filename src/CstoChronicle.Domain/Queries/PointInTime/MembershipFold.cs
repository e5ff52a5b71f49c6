using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

public static class MembershipFold
{
    /// <summary>The members (and suspended or frozen states) on <paramref name="day"/>, by state code.</summary>
    public static IReadOnlyList<Member> MembersOn(IEnumerable<MembershipClaim> claims, DateOnly day) =>
        claims.GroupBy(c => c.State)
            .Select(state => (State: state.Key, Standing: Succession.At(Transitions(state), day)))
            .Where(s => s.Standing is not null)
            .Select(s => new Member(s.State, StateNames.Of(s.State), s.Standing!.State!.Value, s.Standing.Since, s.Standing.Certainty, s.Standing.EventIds))
            .OrderBy(m => m.State, StringComparer.Ordinal)
            .ToList();

    /// <summary>One state's claims, ranked, as transitions of its status (null once it has left).</summary>
    public static IReadOnlyList<Transition<MembershipStatus?>> Transitions(IEnumerable<MembershipClaim> stateClaims) =>
        ClaimRanking.Select(stateClaims, c => c.Version, c => c.Change)
            .Select(c => Transition<MembershipStatus?>.Of(c.Version, StatusAfter(c.Change)))
            .ToList();

    private static MembershipStatus? StatusAfter(MembershipChange change) => change switch
    {
        MembershipChange.Acceded or MembershipChange.Resumed => MembershipStatus.Member,
        MembershipChange.Suspended => MembershipStatus.Suspended,
        MembershipChange.Frozen => MembershipStatus.Frozen,
        _ => null,
    };
}
