using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

public sealed record Chair(string State, string Name, HistoricalDate Since, Certainty Certainty, IReadOnlyList<Guid> EventIds);

public sealed record ChairmanshipAnswer(QueryBasis Basis, Chair? Chair);
