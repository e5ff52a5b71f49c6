using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>
/// The lanes of each view, from the same ranked transitions the point-in-time folds answer from, so that the periods
/// and the answers for a day never disagree.
/// </summary>
public static class PeriodLanes
{
    public const string Withdrawn = "withdrawn";

    /// <summary>One lane per state, in order of first accession. After a withdrawal the state is <c>withdrawn</c> until it accedes again.</summary>
    public static IEnumerable<PeriodLane> Membership(IEnumerable<MembershipClaim> claims) =>
        claims.GroupBy(c => c.State)
            .Select(state =>
            {
                var transitions = MembershipFold.Transitions(state);
                var statuses = transitions
                    .Select((t, i) => new Transition<string?>(t.On, t.State is { } status ? Lower(status) : i > 0 ? Withdrawn : null, t.EventIds))
                    .ToList();
                var (periods, unplaced) = PeriodsFold.Lane(statuses, s => s is null ? null : (s, s),
                    PeriodsFold.Claims(state, c => c.Version, c => c.Change, c => Lower(c.Change)));
                return new PeriodLane(PeriodViews.Name(PeriodView.Membership), state.Key, StateNames.Of(state.Key), periods, unplaced);
            })
            .OrderBy(FirstDay).ThenBy(l => l.Id, StringComparer.Ordinal);

    public static IEnumerable<PeriodLane> SecretaryGeneral(IEnumerable<OfficeClaim> claims)
    {
        var list = claims.ToList();
        if (list.Count == 0) yield break;
        var (periods, unplaced) = PeriodsFold.Lane(SecretaryGeneralFold.Transitions(list),
            h => h is null ? null : (h.PersonId, h.Acting ? $"{h.Name} (acting)" : h.Name),
            PeriodsFold.Claims(list, c => c.Version, c => (c.Change, c.PersonId), OfficeSays));
        yield return new PeriodLane(PeriodViews.Name(PeriodView.SecretaryGeneral), "secretary-general", "Secretary General", periods, unplaced);
    }

    public static IEnumerable<PeriodLane> Chairmanship(IEnumerable<ChairClaim> claims)
    {
        var list = claims.ToList();
        if (list.Count == 0) yield break;
        var (periods, unplaced) = PeriodsFold.Lane(ChairmanshipFold.Transitions(list),
            s => s is null ? null : (s, StateNames.Of(s)),
            PeriodsFold.Claims(list, c => c.Version, c => c.State, c => $"chaired by {StateNames.Of(c.State)}"));
        yield return new PeriodLane(PeriodViews.Name(PeriodView.Chairmanship), "chairmanship", "Chairmanship", periods, unplaced);
    }

    /// <summary>One lane per body, a period per name it bore, ending when it was dissolved.</summary>
    public static IEnumerable<PeriodLane> Bodies(IEnumerable<BodyClaim> claims) =>
        claims.GroupBy(c => c.Body)
            .Select(body =>
            {
                var (periods, unplaced) = PeriodsFold.Lane(BodiesFold.Transitions(body),
                    f => f is null ? null : (f.Name, f.Name),
                    PeriodsFold.Claims(body, c => c.Version, c => (c.Change, c.Name), c => c.Name is null ? Lower(c.Change) : $"{Lower(c.Change)}: {c.Name}"));
                var name = periods.LastOrDefault()?.Label ?? body.Key;
                return new PeriodLane(PeriodViews.Name(PeriodView.Bodies), body.Key, name, periods, unplaced);
            })
            .OrderBy(FirstDay).ThenBy(l => l.Id, StringComparer.Ordinal);

    /// <summary>
    /// One lane per document: <c>signed</c> from its first signature, <c>in-force</c> from its first entry into force
    /// (the steps the documents fold answers, ranked the same way). Ratifications are per state and left to /documents.
    /// </summary>
    public static IEnumerable<PeriodLane> Documents(IEnumerable<DocumentClaim> claims) =>
        claims.Where(c => c.Change != DocumentChange.Ratified).GroupBy(c => c.Document)
            .Select(document =>
            {
                var laneClaims = PeriodsFold.Claims(document, c => c.Version, c => (c.Change, c.State),
                    c => c.Change == DocumentChange.Signed ? "signed" : "entered into force");
                var chosen = ClaimRanking.Select(document, c => c.Version, c => (c.Change, c.State));
                var signed = chosen.FirstOrDefault(c => c.Change == DocumentChange.Signed);
                var inForce = chosen.FirstOrDefault(c => c.Change == DocumentChange.EnteredIntoForce);
                var transitions = new[] { (Claim: signed, Value: "signed"), (Claim: inForce, Value: "in-force") }
                    .Where(step => step.Claim is not null)
                    .Select(step => Transition<string?>.Of(step.Claim!.Version, step.Value))
                    .OrderBy(t => t.On.Earliest).ThenBy(t => t.On.Latest)
                    .ToList();
                // Later signatures or entries into force (for other states) are kept by the ranking but are not periods.
                var used = transitions.SelectMany(t => t.EventIds).ToHashSet();
                var (periods, unplaced) = PeriodsFold.Lane(transitions, s => s is null ? null : (s, s == "in-force" ? "in force" : s),
                    laneClaims.Where(c => c.SetAside || used.Contains(c.Version.EventId)).ToList());
                return new PeriodLane(PeriodViews.Name(PeriodView.Documents), document.Key, signed?.Title ?? document.Key, periods, unplaced);
            })
            .OrderBy(FirstDay).ThenBy(l => l.Id, StringComparer.Ordinal);

    private static DateOnly FirstDay(PeriodLane lane) => lane.Periods.FirstOrDefault()?.Start.On.Earliest ?? DateOnly.MaxValue;

    private static string OfficeSays(OfficeClaim claim) => claim.Change switch
    {
        OfficeChange.Appointed => $"{claim.Name ?? claim.PersonId} appointed" + (claim.TermEnds is { } ends ? $", term to {ends}" : ""),
        OfficeChange.Acting => $"{claim.Name ?? claim.PersonId} acting",
        OfficeChange.Ended => $"term of {claim.Name ?? claim.PersonId} ended",
        _ => throw new ArgumentOutOfRangeException(nameof(claim), claim.Change, null),
    };

    private static string Lower<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
}
