using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>
/// Turns one lane's transitions (already ranked by its fold, in historical order) into periods. The transitions are
/// the ones the point-in-time folds answer from, so a period holds on a day exactly when the fold answers its value
/// there: a transition into the same value continues the period, one into another value (or absence) ends it.
/// </summary>
public static class PeriodsFold
{
    /// <summary>
    /// A claim of the lane: its stored version, what it states in a few words, and whether the ranking set it aside
    /// (deprecated, or outranked by a preferred claim of the same fact).
    /// </summary>
    public sealed record LaneClaim(ClaimVersion Version, string Says, bool SetAside);

    /// <summary>A lane's claims, set aside exactly as <see cref="ClaimRanking.Select{T}"/> does with the fold's own fact key.</summary>
    public static IReadOnlyList<LaneClaim> Claims<T>(IEnumerable<T> claims, Func<T, ClaimVersion> version, Func<T, object> factKey, Func<T, string> says)
    {
        var list = claims.ToList();
        var kept = ClaimRanking.Select(list, version, factKey).Select(c => version(c).EventId).ToHashSet();
        return list.Select(c => new LaneClaim(version(c), says(c), !kept.Contains(version(c).EventId))).ToList();
    }

    /// <summary>
    /// The periods of a lane. <paramref name="describe"/> gives a state's value and label, or null for absence (no
    /// period). Claims of <paramref name="claims"/> that no transition uses are placed in the periods with an edge nearest
    /// their date: as <c>competing</c> when the ranking set them aside (the period is then disputed), as <c>related</c>
    /// when they were kept but change nothing (a term's end after a successor already took office). A lane without
    /// periods answers them apart.
    /// </summary>
    public static (IReadOnlyList<Period> Periods, IReadOnlyList<PeriodClaim> Unplaced) Lane<T>(
        IReadOnlyList<Transition<T>> transitions, Func<T, (string Value, string Label)?> describe, IReadOnlyList<LaneClaim> claims)
    {
        var byEvent = claims.GroupBy(c => c.Version.EventId).ToDictionary(g => g.Key, g => g.First());
        var drafts = new List<Draft>();
        for (var i = 0; i < transitions.Count;)
        {
            var next = i + 1;
            while (next < transitions.Count && Equals(transitions[next].State, transitions[i].State)) next++;
            var end = next < transitions.Count ? transitions[next] : null;
            if (describe(transitions[i].State) is { } value && (end is null || end.On.Latest > transitions[i].On.Earliest))
                drafts.Add(new Draft(value.Value, value.Label, transitions[i].On, end?.On,
                    transitions.Skip(i).Take(next - i).Select(Step.Of).ToList(), end is null ? null : Step.Of(end)));
            i = next;
        }

        var used = transitions.SelectMany(t => t.EventIds).ToHashSet();
        var competing = claims.Where(c => !used.Contains(c.Version.EventId)).ToList();
        var placed = competing.Where(_ => drafts.Count > 0)
            .SelectMany(c => Nearest(drafts, c.Version.On).Select(d => (Draft: d, Claim: c)))
            .ToLookup(p => p.Draft, p => p.Claim);

        var periods = drafts.Select(d => d.ToPeriod(byEvent, placed[d].ToList())).ToList();
        var unplaced = drafts.Count > 0 ? [] : competing.Select(c => Competing(c)).ToList();
        return (periods, unplaced);
    }

    /// <summary>The edge of a period: its date, the days it may mean (null past an open or unknown side), how exactly known.</summary>
    public static PeriodEdge Edge(HistoricalDate on) => new(
        on,
        on.Earliest == DateOnly.MinValue ? null : on.Earliest,
        on.Latest == DateOnly.MaxValue ? null : on.Latest,
        on.Earliest == on.Latest && !on.IsUncertain && !on.IsApproximate ? Certainty.Certain : Certainty.Possible);

    private static PeriodClaim Competing(LaneClaim claim) =>
        new(claim.Version.EventId, claim.SetAside ? "competing" : "related", claim.Version.On, claim.Version.Rank, claim.Says);

    /// <summary>The periods with an edge at the least distance, in days, from the date (0 where their days overlap).</summary>
    private static IEnumerable<Draft> Nearest(IReadOnlyList<Draft> drafts, HistoricalDate on)
    {
        var distances = drafts.Select(d => (Draft: d, Days: Math.Min(Distance(d.Start, on), d.End is null ? long.MaxValue : Distance(d.End, on)))).ToList();
        var least = distances.Min(d => d.Days);
        return distances.Where(d => d.Days == least).Select(d => d.Draft);
    }

    private static long Distance(HistoricalDate edge, HistoricalDate on) =>
        on.Latest < edge.Earliest ? (long)edge.Earliest.DayNumber - on.Latest.DayNumber
        : edge.Latest < on.Earliest ? (long)on.Earliest.DayNumber - edge.Latest.DayNumber
        : 0;

    private sealed record Step(HistoricalDate On, IReadOnlyList<Guid> EventIds)
    {
        public static Step Of<T>(Transition<T> transition) => new(transition.On, transition.EventIds);
    }

    private sealed record Draft(string Value, string Label, HistoricalDate Start, HistoricalDate? End, IReadOnlyList<Step> Openings, Step? Closing)
    {
        public Period ToPeriod(IReadOnlyDictionary<Guid, LaneClaim> byEvent, IReadOnlyList<LaneClaim> competing)
        {
            var claims = new List<PeriodClaim>();
            foreach (var opening in Openings) claims.AddRange(Chosen("start", opening, byEvent));
            if (Closing is not null) claims.AddRange(Chosen("end", Closing, byEvent));
            claims.AddRange(competing.Select(Competing));

            // Certain when some day lies after every day the start may be and before every day the end may be.
            var certainty = End is null || Start.Latest < End.Earliest ? Certainty.Certain : Certainty.Possible;
            var eventIds = Openings.SelectMany(s => s.EventIds).Concat(Closing?.EventIds ?? [])
                .Concat(competing.Select(c => c.Version.EventId)).Distinct().ToList();
            return new Period(Value, Label, Edge(Start), End is null ? null : Edge(End), certainty, competing.Any(c => c.SetAside), eventIds, claims);
        }

        private static IEnumerable<PeriodClaim> Chosen(string role, Step step, IReadOnlyDictionary<Guid, LaneClaim> byEvent) =>
            step.EventIds.Where(byEvent.ContainsKey).Select(id => byEvent[id])
                .Select(c => new PeriodClaim(c.Version.EventId, role, step.On, c.Version.Rank, c.Says));
    }
}
