namespace CstoChronicle.Domain.Sources;

/// <summary>
/// A document the chronicle's claims rest on, registered once. Either <see cref="Url"/> or
/// <see cref="SeedFile"/> (a file of the project's seed documents) says where to read it.
/// </summary>
public sealed record Source(
    string Id,
    string Title,
    string? Publisher,
    string? Url,
    string? SeedFile,
    string? Published,
    string Language);
