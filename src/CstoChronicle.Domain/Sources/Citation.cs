namespace CstoChronicle.Domain.Sources;

/// <summary>A claim's reference to a registered source, with where in it and, ideally, its exact words.</summary>
public sealed record Citation(string SourceId, string? Locator = null, string? Quote = null);
