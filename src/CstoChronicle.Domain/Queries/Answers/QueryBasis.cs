namespace CstoChronicle.Domain.Queries.Answers;

/// <summary>
/// What an answer was read at: the historical day (<see cref="AsOf"/>, null where the query has none), the recorded
/// instant (<see cref="KnownAt"/>) and the global position of the store in the snapshot read. Repeating the query with
/// the same AsOf and KnownAt gives the same answer once the store has passed KnownAt.
/// </summary>
public sealed record QueryBasis(DateOnly? AsOf, DateTimeOffset KnownAt, long Position);
