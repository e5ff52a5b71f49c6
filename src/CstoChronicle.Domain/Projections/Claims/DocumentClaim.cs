using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections.Claims;

public enum DocumentChange
{
    Signed,
    EnteredIntoForce,
    Ratified,
}

/// <summary>
/// A claim about a document. <see cref="States"/> are the signatories (signed) or the states it entered into force
/// for; <see cref="State"/> is the ratifying state.
/// </summary>
public sealed record DocumentClaim(
    ClaimVersion Version, string Document, DocumentChange Change,
    string? Title, string? Kind, string? Place, string? State, IReadOnlyList<string>? States)
{
    public static DocumentClaim? From(ClaimVersion version, HistoricalEvent fact) => fact switch
    {
        DocumentSigned e => new(version, e.Document, DocumentChange.Signed, e.Title, e.Kind, e.Place, null, e.Signatories),
        DocumentEnteredIntoForce e => new(version, e.Document, DocumentChange.EnteredIntoForce, null, null, null, null, e.ForStates),
        DocumentRatified e => new(version, e.Document, DocumentChange.Ratified, null, null, null, e.State, null),
        _ => null,
    };
}
