using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

public enum DocumentStatus
{
    Signed,
    InForce,
}

/// <summary>A dated step of a document (its signature, its entry into force) and how sure it had happened by the asked day.</summary>
public sealed record DocumentStep(HistoricalDate On, Certainty Certainty, IReadOnlyList<Guid> EventIds);

public sealed record Ratification(string State, HistoricalDate On, Certainty Certainty, IReadOnlyList<Guid> EventIds);

/// <summary>
/// A state bound by the document on the asked day, since when and how sure. <see cref="Status"/> is set for the
/// documents whose parties are the members (the Treaty, the Charter): a suspended or frozen member stays a party, and
/// <see cref="Since"/> is then the day its current standing began.
/// </summary>
public sealed record Party(
    string State, string Name, HistoricalDate Since, Certainty Certainty, MembershipStatus? Status, IReadOnlyList<Guid> EventIds);

/// <summary>
/// A document signed by the asked day. <see cref="Status"/> is in force once its entry into force (possibly) happened;
/// <see cref="Certainty"/> is that of the status. <see cref="Signatories"/> are those of the signature;
/// <see cref="Parties"/> are the states bound on the asked day, after accessions and withdrawals.
/// </summary>
public sealed record DocumentStanding(
    string Id, string Title, string? Kind, string? Place, IReadOnlyList<string> Signatories,
    DocumentStatus Status, Certainty Certainty, DocumentStep Signed, DocumentStep? InForce,
    IReadOnlyList<Ratification> Ratifications, IReadOnlyList<Guid> EventIds)
{
    public IReadOnlyList<Party> Parties { get; init; } = [];
}

public sealed record DocumentsAnswer(QueryBasis Basis, IReadOnlyList<DocumentStanding> Documents);
