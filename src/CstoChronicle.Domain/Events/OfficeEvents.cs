using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

// The office of Secretary General. Stream: secretary-general.

public sealed record SecretaryGeneralAppointed(
    string PersonId, string Name, string? State, HistoricalDate On, IReadOnlyList<Citation> Sources,
    HistoricalDate? TermEnds = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Offices.SecretaryGeneral;
}

public sealed record ActingSecretaryGeneralDesignated(
    string PersonId, string Name, string? State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Offices.SecretaryGeneral;
}

public sealed record SecretaryGeneralTermEnded(
    string PersonId, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Offices.SecretaryGeneral;
}

public static class Offices
{
    public const string SecretaryGeneral = "secretary-general";
}
