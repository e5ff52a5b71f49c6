using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Hostile;

/// <summary>The API for the hostile table: more requests with one key than the writes rate limit lets through in a minute.</summary>
public sealed class HostileApi() : ChronicleApiFactory(new Dictionary<string, string?> { ["Chronicle:WritesPerMinute"] = "100000" });
