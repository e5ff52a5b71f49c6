using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>What changed in membership, in the office of Secretary General and in the chairmanship between two days (inclusive).</summary>
public static class ChangesFold
{
    public static IReadOnlyList<Change> Between(
        IEnumerable<MembershipClaim> membership, IEnumerable<OfficeClaim> office, IEnumerable<ChairClaim> chair, DateOnly from, DateOnly to)
    {
        var membershipChanges = membership.GroupBy(c => c.State)
            .SelectMany(state => ClaimRanking.Select(state, c => c.Version, c => c.Change))
            .Select(c => (c.Version, Change: (ChangeArea.Membership, c.State, StateNames.Of(c.State), Name(c.Change))));
        var officeChanges = ClaimRanking.Select(office, c => c.Version, c => (c.Change, c.PersonId))
            .Select(c => (c.Version, Change: (ChangeArea.SecretaryGeneral, c.PersonId, c.Name ?? c.PersonId, Name(c.Change))));
        var chairChanges = ClaimRanking.Select(chair, c => c.Version, c => c.State)
            .Select(c => (c.Version, Change: (ChangeArea.Chairmanship, c.State, StateNames.Of(c.State), "assumed")));

        return membershipChanges.Concat(officeChanges).Concat(chairChanges)
            .Select(c => (c.Version, c.Change, Certainty: Within(c.Version.On, from, to)))
            .Where(c => c.Certainty != Certainty.No)
            .OrderBy(c => c.Version.On.Earliest).ThenBy(c => c.Version.On.Latest).ThenBy(c => c.Version.Position)
            .Select(c => new Change(c.Change.Item1, c.Change.Item2, c.Change.Item3, c.Change.Item4, c.Version.On, c.Certainty, c.Version.EventIds))
            .ToList();
    }

    private static Certainty Within(HistoricalDate on, DateOnly from, DateOnly to) =>
        on.Latest < from || on.Earliest > to ? Certainty.No
        : on.Earliest >= from && on.Latest <= to ? Certainty.Certain
        : Certainty.Possible;

    private static string Name(MembershipChange change) => change.ToString().ToLowerInvariant();

    private static string Name(OfficeChange change) => change.ToString().ToLowerInvariant();
}
