using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

public static class BodiesFold
{
    internal sealed record Form(string Name, string? Kind);

    /// <summary>The bodies existing on <paramref name="day"/> under the name they then bore, by id.</summary>
    public static IReadOnlyList<Body> BodiesOn(IEnumerable<BodyClaim> claims, DateOnly day) =>
        claims.GroupBy(c => c.Body)
            .Select(body => (Id: body.Key, Standing: Succession.At(Transitions(body), day)))
            .Where(b => b.Standing?.State is not null)
            .Select(b => new Body(b.Id, b.Standing!.State!.Name, b.Standing.State.Kind, b.Standing.Since, b.Standing.Certainty, b.Standing.EventIds))
            .OrderBy(b => b.Id, StringComparer.Ordinal)
            .ToList();

    internal static IReadOnlyList<Transition<Form?>> Transitions(IEnumerable<BodyClaim> bodyClaims)
    {
        var transitions = new List<Transition<Form?>>();
        Form? current = null;
        foreach (var claim in ClaimRanking.Select(bodyClaims, c => c.Version, c => (c.Change, c.Name)))
        {
            current = claim.Change switch
            {
                BodyChange.Established => new Form(claim.Name ?? claim.Body, claim.Kind),
                BodyChange.Renamed => new Form(claim.Name ?? claim.Body, current?.Kind),
                _ => null,
            };
            transitions.Add(Transition<Form?>.Of(claim.Version, current));
        }
        return transitions;
    }
}
