using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections.Claims;

public enum OfficeChange
{
    Appointed,
    Acting,
    Ended,
}

/// <summary>
/// A claim about an office (<see cref="Offices"/>): an appointment (with its planned end), an acting designation, a
/// term's end. <paramref name="Office"/> is the office's slug (<c>secretary-general</c>, <c>chief-of-joint-staff</c>).
/// </summary>
public sealed record OfficeClaim(
    ClaimVersion Version, OfficeChange Change, string PersonId, string? Name, string? State, HistoricalDate? TermEnds,
    string Office = Offices.SecretaryGeneral)
{
    public static OfficeClaim? From(ClaimVersion version, HistoricalEvent fact) => fact switch
    {
        SecretaryGeneralAppointed e => new(version, OfficeChange.Appointed, e.PersonId, e.Name, e.State, e.TermEnds),
        ActingSecretaryGeneralDesignated e => new(version, OfficeChange.Acting, e.PersonId, e.Name, e.State, null),
        SecretaryGeneralTermEnded e => new(version, OfficeChange.Ended, e.PersonId, null, null, null),
        OfficeHolderAppointed e => new(version, OfficeChange.Appointed, e.PersonId, e.Name, e.State, e.TermEnds, e.Office),
        ActingOfficeHolderDesignated e => new(version, OfficeChange.Acting, e.PersonId, e.Name, e.State, null, e.Office),
        OfficeTermEnded e => new(version, OfficeChange.Ended, e.PersonId, null, null, null, e.Office),
        _ => null,
    };
}
