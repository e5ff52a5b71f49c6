using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Queries.Answers;

public sealed record SourcesAnswer(QueryBasis Basis, IReadOnlyList<Source> Sources);

/// <summary>An event citing a source, with where and in which words.</summary>
public sealed record CitingEvent(Guid EventId, string Type, string Entity, HistoricalDate? On, string? Title, string? Locator, string? Quote);

public sealed record SourceAnswer(QueryBasis Basis, Source Source, IReadOnlyList<CitingEvent> CitedBy);
