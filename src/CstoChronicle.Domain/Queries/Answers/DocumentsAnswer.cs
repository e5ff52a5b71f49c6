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
/// A document signed by the asked day. <see cref="Status"/> is in force once its entry into force (possibly) happened;
/// <see cref="Certainty"/> is that of the status.
/// </summary>
public sealed record DocumentStanding(
    string Id, string Title, string? Kind, string? Place, IReadOnlyList<string> Signatories,
    DocumentStatus Status, Certainty Certainty, DocumentStep Signed, DocumentStep? InForce,
    IReadOnlyList<Ratification> Ratifications, IReadOnlyList<Guid> EventIds);

public sealed record DocumentsAnswer(QueryBasis Basis, IReadOnlyList<DocumentStanding> Documents);
