using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

public sealed record OfficeHolder(
    string PersonId, string Name, string? State, bool Acting, HistoricalDate Since, Certainty Certainty, IReadOnlyList<Guid> EventIds);

/// <summary>The Secretary General on the asked day; null when the office was (certainly) vacant or not yet created.</summary>
public sealed record SecretaryGeneralAnswer(QueryBasis Basis, OfficeHolder? Holder);

/// <summary>One office (<c>chief-of-joint-staff</c>, ...) and its holder on the asked day; null when vacant or not yet known.</summary>
public sealed record OfficeStanding(string Office, string Name, OfficeHolder? Holder);

public sealed record OfficeAnswer(QueryBasis Basis, OfficeStanding Office);

/// <summary>Every office the chronicle answers, the Secretary General first, each with its holder on the asked day.</summary>
public sealed record OfficesAnswer(QueryBasis Basis, IReadOnlyList<OfficeStanding> Offices);
