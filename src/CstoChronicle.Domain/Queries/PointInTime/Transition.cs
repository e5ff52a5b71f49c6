using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Claims;

namespace CstoChronicle.Domain.Queries.PointInTime;

/// <summary>From <see cref="On"/>, the entity is in <see cref="State"/>; a null state means it is absent (left, vacant, dissolved).</summary>
public sealed record Transition<T>(HistoricalDate On, T State, IReadOnlyList<Guid> EventIds)
{
    public static Transition<T> Of(ClaimVersion claim, T state) => new(claim.On, state, claim.EventIds);
}

/// <summary>The state on the asked day, since when (the first of the transitions into it), how sure, on which events.</summary>
public sealed record Standing<T>(T State, HistoricalDate Since, Certainty Certainty, IReadOnlyList<Guid> EventIds);
