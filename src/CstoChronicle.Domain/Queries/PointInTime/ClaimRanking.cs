using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>
/// Chooses among conflicting claims for a current answer: deprecated claims are dropped; claims in historical order
/// that follow each other with the same fact key (two dates for one accession) are one fact, of which the preferred
/// claims win over the normal ones. Entity history and the timeline still show every claim.
/// </summary>
public static class ClaimRanking
{
    public static IReadOnlyList<T> Select<T>(IEnumerable<T> claims, Func<T, ClaimVersion> version, Func<T, object> factKey)
    {
        var ordered = InHistoricalOrder(claims.Where(c => version(c).Rank != ClaimRank.Deprecated), version);
        var chosen = new List<T>();
        var run = new List<T>();
        foreach (var claim in ordered)
        {
            if (run.Count > 0 && !Equals(factKey(run[0]), factKey(claim)))
            {
                chosen.AddRange(Preferred(run, version));
                run.Clear();
            }
            run.Add(claim);
        }
        chosen.AddRange(Preferred(run, version));
        return chosen;
    }

    /// <summary>By earliest day, then latest day, then position (the order the facts were recorded in).</summary>
    public static IReadOnlyList<T> InHistoricalOrder<T>(IEnumerable<T> claims, Func<T, ClaimVersion> version) =>
        claims.OrderBy(c => version(c).On.Earliest).ThenBy(c => version(c).On.Latest).ThenBy(c => version(c).Position).ToList();

    private static IEnumerable<T> Preferred<T>(List<T> run, Func<T, ClaimVersion> version) =>
        run.Any(c => version(c).Rank == ClaimRank.Preferred) ? run.Where(c => version(c).Rank == ClaimRank.Preferred) : run;
}
