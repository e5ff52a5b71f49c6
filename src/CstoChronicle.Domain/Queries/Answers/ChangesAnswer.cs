using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

public enum ChangeArea
{
    Membership,
    SecretaryGeneral,
    Chairmanship,
}

/// <summary>
/// One change between the asked days: <see cref="Entity"/> is the state or the person, <see cref="What"/> the change
/// (acceded, suspended, frozen, resumed, withdrew; appointed, acting, ended; assumed). Certain when its whole date lies
/// within the asked days, possible when it only overlaps them.
/// </summary>
public sealed record Change(
    ChangeArea Area, string Entity, string Name, string What, HistoricalDate On, Certainty Certainty, IReadOnlyList<Guid> EventIds);

public sealed record ChangesAnswer(QueryBasis Basis, DateOnly From, DateOnly To, IReadOnlyList<Change> Changes);
