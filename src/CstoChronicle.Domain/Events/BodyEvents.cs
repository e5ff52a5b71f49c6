using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

// Statutory bodies, working bodies, forces and other structures. Stream: the body's slug.

public sealed record BodyEstablished(
    string Body, string Name, string Kind, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Body;
}

public sealed record BodyRenamed(
    string Body, string NewName, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Body;
}

public sealed record BodyDissolved(
    string Body, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Body;
}

/// <summary>A session of a body (typically the Collective Security Council). Stream: the body's slug.</summary>
public sealed record SessionHeld(
    string Body, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Place = null, string? Title = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Body;
}

/// <summary>A decision a body adopted; <paramref name="Document"/> is the slug of the document it adopted, if any.</summary>
public sealed record DecisionAdopted(
    string Body, string Title, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Document = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Body;
}
