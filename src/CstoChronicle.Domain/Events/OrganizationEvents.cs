using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>The organisation itself. Stream: its slug (<c>csto</c>).</summary>
public sealed record OrganizationEstablished(
    string Organization, string Name, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Basis = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Organization;
}
