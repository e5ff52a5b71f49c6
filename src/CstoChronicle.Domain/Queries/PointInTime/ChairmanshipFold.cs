using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

public static class ChairmanshipFold
{
    public static Chair? ChairOn(IEnumerable<ChairClaim> claims, DateOnly day)
    {
        var standing = Succession.At(Transitions(claims), day);
        return standing?.State is not { } state
            ? null
            : new Chair(state, StateNames.Of(state), standing.Since, standing.Certainty, standing.EventIds);
    }

    /// <summary>The chairmanship passes from state to state; each claim hands it on.</summary>
    public static IReadOnlyList<Transition<string?>> Transitions(IEnumerable<ChairClaim> claims) =>
        ClaimRanking.Select(claims, c => c.Version, c => c.State)
            .Select(c => Transition<string?>.Of(c.Version, c.State))
            .ToList();
}
