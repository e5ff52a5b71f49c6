using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

// A state's membership of the Collective Security Treaty and, from 2002, of the Organization.
// Stream: the state's ISO 3166-1 alpha-3 code.

public sealed record StateAcceded(
    string State, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Basis = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => State;
}

public sealed record MembershipSuspended(
    string State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => State;
}

public sealed record ParticipationFrozen(
    string State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => State;
}

/// <summary>A suspended or frozen state takes full part again.</summary>
public sealed record MembershipResumed(
    string State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => State;
}

public sealed record StateWithdrew(
    string State, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => State;
}
