using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>Treaties, the Charter, agreements, protocols, strategies and declarations. Stream: the document's slug.</summary>
public sealed record DocumentSigned(
    string Document, string Title, string Kind, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Place = null, IReadOnlyList<string>? Signatories = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Document;
}

public sealed record DocumentEnteredIntoForce(
    string Document, HistoricalDate On, IReadOnlyList<Citation> Sources,
    IReadOnlyList<string>? ForStates = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Document;
}

public sealed record DocumentRatified(
    string Document, string State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Document;
}
