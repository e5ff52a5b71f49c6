using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Import;

/// <summary>The curated dataset of data/: the source register and every fact, as typed records.</summary>
public sealed record Dataset(IReadOnlyList<Source> Sources, IReadOnlyList<DatasetFact> Facts);

/// <summary>A fact of the dataset: where it is written (<paramref name="File"/>, relative to data/), its stable slug and its record.</summary>
public sealed record DatasetFact(string File, string Id, string Type, HistoricalEvent Event)
{
    /// <summary>Derived from the slug, so that importing the same fact twice stores it once.</summary>
    public Guid EventId => DeterministicId.ForDatasetEvent(Id);
}

/// <summary>The dataset cannot be read; every problem names its file and, where it has one, the fact's id.</summary>
public sealed class DatasetException(IReadOnlyList<string> problems)
    : Exception("The dataset has problems:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
