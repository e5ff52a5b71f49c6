namespace CstoChronicle.Api.Tests.Security;

public static class SecurityHeaders
{
    /// <summary>nosniff, no referrer, and a CSP that forbids framing: on every answer, whatever its status or type.</summary>
    public static void ShouldBeOn(HttpResponseMessage response)
    {
        var what = $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} ({(int)response.StatusCode})";
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff", what);
        Header(response, "Referrer-Policy").ShouldBe("no-referrer", what);
        (Header(response, "Content-Security-Policy") ?? "").ShouldContain("frame-ancestors 'none'", customMessage: what);
    }

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
