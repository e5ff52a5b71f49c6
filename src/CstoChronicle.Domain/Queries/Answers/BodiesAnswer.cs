using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

/// <summary>A body existing on the asked day under <see cref="Name"/>, which it has borne <see cref="Since"/>.</summary>
public sealed record Body(string Id, string Name, string? Kind, HistoricalDate Since, Certainty Certainty, IReadOnlyList<Guid> EventIds);

public sealed record BodiesAnswer(QueryBasis Basis, IReadOnlyList<Body> Bodies);
