using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>A joint exercise. Stream: the exercise series' slug (e.g. <c>exercise-vzaimodeistvie</c>).</summary>
public sealed record ExerciseHeld(
    string Exercise, string Name, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Place = null, IReadOnlyList<string>? Participants = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Exercise;
}

/// <summary>An operation (preventive, peacekeeping). Stream: the operation's slug (e.g. <c>operation-kanal</c>).</summary>
public sealed record OperationConducted(
    string Operation, string Name, HistoricalDate On, IReadOnlyList<Citation> Sources,
    string? Description = null, IReadOnlyList<string>? Participants = null) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Operation;
}
