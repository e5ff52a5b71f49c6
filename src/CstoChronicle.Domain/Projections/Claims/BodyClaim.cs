using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Projections.Claims;

public enum BodyChange
{
    Established,
    Renamed,
    Dissolved,
}

/// <summary><see cref="Name"/> is the name given (established or renamed); <see cref="Kind"/> is set when established.</summary>
public sealed record BodyClaim(ClaimVersion Version, string Body, BodyChange Change, string? Name, string? Kind)
{
    public static BodyClaim? From(ClaimVersion version, HistoricalEvent fact) => fact switch
    {
        BodyEstablished e => new(version, e.Body, BodyChange.Established, e.Name, e.Kind),
        BodyRenamed e => new(version, e.Body, BodyChange.Renamed, e.NewName, null),
        BodyDissolved e => new(version, e.Body, BodyChange.Dissolved, null, null),
        _ => null,
    };
}
