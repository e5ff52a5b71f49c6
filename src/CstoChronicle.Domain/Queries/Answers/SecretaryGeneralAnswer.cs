using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

public sealed record OfficeHolder(
    string PersonId, string Name, string? State, bool Acting, HistoricalDate Since, Certainty Certainty, IReadOnlyList<Guid> EventIds);

/// <summary>The Secretary General on the asked day; null when the office was (certainly) vacant or not yet created.</summary>
public sealed record SecretaryGeneralAnswer(QueryBasis Basis, OfficeHolder? Holder);
