using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>Which states a document binds on a day.</summary>
public static class DocumentParties
{
    /// <summary>
    /// The documents membership is made of: a state accedes to the Treaty (and, from 2002, the Organization under its
    /// Charter) and leaves it by not renewing or withdrawing, so their parties are the members of the day.
    /// </summary>
    public static readonly IReadOnlySet<string> FollowMembership = new HashSet<string>(StringComparer.Ordinal)
    {
        "collective-security-treaty",
        "csto-charter",
    };

    /// <summary>
    /// The Treaty and the Charter: the members on the day (suspended and frozen ones included, with their status).
    /// Any other document: once (possibly) in force, the states it entered into force for or else its signatories,
    /// each from the entry into force or its own later ratification; none before.
    /// </summary>
    public static IReadOnlyList<Party> On(DocumentStanding document, IReadOnlyList<string>? inForceFor, IReadOnlyList<Member> members)
    {
        if (FollowMembership.Contains(document.Id))
            return members
                .Select(m => new Party(m.State, m.Name, Later(m.Since, document.Signed.On), Weaker(m.Certainty, document.Signed.Certainty), m.Status, m.EventIds))
                .ToList();

        if (document.InForce is not { } inForce) return [];
        var ratified = document.Ratifications.ToDictionary(r => r.State);
        var states = (inForceFor ?? document.Signatories).Concat(ratified.Keys).Distinct(StringComparer.Ordinal);
        return states
            .Select(state => ratified.TryGetValue(state, out var r) && r.On.Earliest > inForce.On.Earliest
                ? new Party(state, StateNames.Of(state), r.On, Weaker(r.Certainty, inForce.Certainty), null, [.. inForce.EventIds, .. r.EventIds])
                : new Party(state, StateNames.Of(state), inForce.On, inForce.Certainty, null, inForce.EventIds))
            .OrderBy(p => p.State, StringComparer.Ordinal)
            .ToList();
    }

    private static HistoricalDate Later(HistoricalDate a, HistoricalDate b) => a.Earliest >= b.Earliest ? a : b;

    private static Certainty Weaker(Certainty a, Certainty b) => a == Certainty.Certain && b == Certainty.Certain ? Certainty.Certain : Certainty.Possible;
}
