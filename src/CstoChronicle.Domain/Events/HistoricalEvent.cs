using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>
/// A fact in historical time: when it happened (<see cref="On"/>), on whose word (<see cref="Sources"/>),
/// and how it ranks beside conflicting claims. <see cref="StreamId"/> is the entity the fact belongs to.
/// </summary>
public abstract record HistoricalEvent(HistoricalDate On, IReadOnlyList<Citation> Sources)
{
    public ClaimRank Rank { get; init; } = ClaimRank.Normal;

    /// <summary>Why the claim has its rank (required for preferred and deprecated claims).</summary>
    public string? RankReason { get; init; }

    /// <summary>Free text a reader needs to understand the fact.</summary>
    public string? Note { get; init; }

    /// <summary>The entity (stream) this fact belongs to.</summary>
    public abstract string StreamId { get; }
}
