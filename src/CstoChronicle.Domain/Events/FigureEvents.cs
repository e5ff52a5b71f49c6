using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>"more than 25,000 personnel" is <c>new Quantity(">", 25000, "personnel")</c>. Comparators: = &lt; &lt;= &gt; &gt;= ~.</summary>
public sealed record Quantity(string Comparator, decimal Amount, string Unit);

/// <summary>A quantity a source reports about an entity (the subject's stream), as of <paramref name="On"/>.</summary>
public sealed record FigureReported(
    string Subject, string Measure, Quantity Quantity, HistoricalDate On, IReadOnlyList<Citation> Sources) : HistoricalEvent(On, Sources)
{
    public override string StreamId => Subject;
}
