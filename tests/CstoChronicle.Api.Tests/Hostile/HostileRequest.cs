using System.Net;

namespace CstoChronicle.Api.Tests.Hostile;

/// <summary>
/// One request an attacker or a broken client might send, and the answer it must get. <see cref="Body"/> null sends
/// none; <see cref="ContentType"/> null sends the body without one. <see cref="Type"/> is the problem type's last
/// segment, or null where the answer is not a problem (an inert SQL-looking filter answers 200).
/// </summary>
public sealed record HostileRequest(
    string Name, string Method, string Path, string? Body, HttpStatusCode Status, string? Type,
    string? ContentType = "application/json", string Key = "editor", (string Name, string Value)[]? Headers = null)
{
    public override string ToString() => Name;
}
