using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>What changed in membership, in the office of Secretary General and in the chairmanship between two days (inclusive).</summary>
public static class ChangesFold
{
    private sealed record Candidate(ClaimVersion Version, ChangeArea Area, string Entity, string Name, string What);

    public static IReadOnlyList<Change> Between(
        IEnumerable<MembershipClaim> membership, IEnumerable<OfficeClaim> office, IEnumerable<ChairClaim> chair, DateOnly from, DateOnly to)
    {
        var membershipChanges = membership.GroupBy(c => c.State)
            .SelectMany(state => ClaimRanking.Select(state, c => c.Version, c => c.Change))
            .Select(c => new Candidate(c.Version, ChangeArea.Membership, c.State, StateNames.Of(c.State), Lower(c.Change)));
        var officeChanges = ClaimRanking.Select(office, c => c.Version, c => (c.Change, c.PersonId))
            .Select(c => new Candidate(c.Version, ChangeArea.SecretaryGeneral, c.PersonId, c.Name ?? c.PersonId, Lower(c.Change)));
        var chairChanges = ClaimRanking.Select(chair, c => c.Version, c => c.State)
            .Select(c => new Candidate(c.Version, ChangeArea.Chairmanship, c.State, StateNames.Of(c.State), "assumed"));

        return ClaimRanking.InHistoricalOrder(membershipChanges.Concat(officeChanges).Concat(chairChanges), c => c.Version)
            .Select(c => new Change(c.Area, c.Entity, c.Name, c.What, c.Version.On, DayWindow.Holds(c.Version.On, from, to), c.Version.EventIds))
            .Where(c => c.Certainty != Certainty.No)
            .ToList();
    }

    private static string Lower<T>(T change) where T : struct, Enum => change.ToString().ToLowerInvariant();
}
