using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.PointInTime;

public static class DocumentsFold
{
    /// <summary>
    /// The documents (possibly) signed by <paramref name="day"/>, with their entry into force, ratifications and parties
    /// by then. The parties of the Treaty and the Charter follow the membership claims (accessions, withdrawals).
    /// </summary>
    public static IReadOnlyList<DocumentStanding> DocumentsOn(
        IEnumerable<DocumentClaim> claims, IEnumerable<MembershipClaim> membership, DateOnly day)
    {
        var members = MembershipFold.MembersOn(membership, day);
        return claims.GroupBy(c => c.Document)
            .Select(document => StandingOn(document.Key, document, members, day))
            .OfType<DocumentStanding>()
            .OrderBy(d => d.Signed.On.Earliest).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static DocumentStanding? StandingOn(string id, IEnumerable<DocumentClaim> documentClaims, IReadOnlyList<Member> members, DateOnly day)
    {
        var chosen = ClaimRanking.Select(documentClaims, c => c.Version, c => (c.Change, c.State));
        var signature = FirstStep(chosen, DocumentChange.Signed, day);
        if (signature is null) return null;
        var signed = chosen.First(c => c.Change == DocumentChange.Signed && c.Version.On == signature.On);
        var inForce = FirstStep(chosen, DocumentChange.EnteredIntoForce, day);

        var ratifications = chosen
            .Where(c => c.Change == DocumentChange.Ratified && c.State is not null && c.Version.On.IsOnOrBefore(day) != Certainty.No)
            .GroupBy(c => c.State!)
            .Select(state => state.First())
            .Select(c => new Ratification(c.State!, c.Version.On, c.Version.On.IsOnOrBefore(day), c.Version.EventIds))
            .OrderBy(r => r.State, StringComparer.Ordinal)
            .ToList();

        var eventIds = new[] { signature.EventIds, inForce?.EventIds ?? [] }
            .Concat(ratifications.Select(r => r.EventIds)).SelectMany(ids => ids).Distinct().ToList();
        var inForceFor = inForce is null ? null
            : chosen.FirstOrDefault(c => c.Change == DocumentChange.EnteredIntoForce && c.Version.On == inForce.On)?.States;
        var standing = new DocumentStanding(
            id, signed.Title ?? Names.EntityNames.Of(id), signed.Kind, signed.Place, signed.States ?? [],
            inForce is null ? DocumentStatus.Signed : DocumentStatus.InForce,
            inForce?.Certainty ?? signature.Certainty,
            signature, inForce, ratifications, eventIds);
        return standing with { Parties = DocumentParties.On(standing, inForceFor, members) };
    }

    /// <summary>The earliest chosen claim of a step that (possibly) happened by the day; certain if any such claim certainly did.</summary>
    private static DocumentStep? FirstStep(IReadOnlyList<DocumentClaim> chosen, DocumentChange change, DateOnly day)
    {
        var happened = chosen.Where(c => c.Change == change && c.Version.On.IsOnOrBefore(day) != Certainty.No).ToList();
        if (happened.Count == 0) return null;
        var certainty = happened.Any(c => c.Version.On.IsOnOrBefore(day) == Certainty.Certain) ? Certainty.Certain : Certainty.Possible;
        return new DocumentStep(happened[0].Version.On, certainty, happened.SelectMany(c => c.Version.EventIds).Distinct().ToList());
    }
}
