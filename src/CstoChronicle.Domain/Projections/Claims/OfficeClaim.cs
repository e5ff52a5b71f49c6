using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections.Claims;

public enum OfficeChange
{
    Appointed,
    Acting,
    Ended,
}

/// <summary>A claim about the Secretary General: an appointment (with its planned end), an acting designation, a term's end.</summary>
public sealed record OfficeClaim(
    ClaimVersion Version, OfficeChange Change, string PersonId, string? Name, string? State, HistoricalDate? TermEnds)
{
    public static OfficeClaim? From(ClaimVersion version, HistoricalEvent fact) => fact switch
    {
        SecretaryGeneralAppointed e => new(version, OfficeChange.Appointed, e.PersonId, e.Name, e.State, e.TermEnds),
        ActingSecretaryGeneralDesignated e => new(version, OfficeChange.Acting, e.PersonId, e.Name, e.State, null),
        SecretaryGeneralTermEnded e => new(version, OfficeChange.Ended, e.PersonId, null, null, null),
        _ => null,
    };
}
