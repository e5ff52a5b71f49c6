using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>A state takes the rotating chairmanship (of the Collective Security Council). Stream: chairmanship.</summary>
public sealed record ChairmanshipAssumed(
    string State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public const string Stream = "chairmanship";
    public override string StreamId => Stream;
}
