using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections.Claims;

public sealed record ChairClaim(ClaimVersion Version, string State)
{
    public static ChairClaim? From(ClaimVersion version, HistoricalEvent fact) =>
        fact is ChairmanshipAssumed e ? new(version, e.State) : null;
}
