using System.Net;
using System.Text.Json;

namespace CstoChronicle.Api.Tests.Infrastructure;

public sealed record ProblemBody(string Type, string? Title, int Status, string? Detail, string? RequestId, JsonElement Raw);

public static class ProblemAssertions
{
    public const string TypeBase = "https://csto-chronicle.example/problems/";

    /// <summary>Asserts an RFC 9457 answer with that status and type (the last part of the URI), and returns it.</summary>
    public static async Task<ProblemBody> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement.Clone();
        var problem = new ProblemBody(
            root.GetProperty("type").GetString()!,
            root.TryGetProperty("title", out var title) ? title.GetString() : null,
            root.GetProperty("status").GetInt32(),
            root.TryGetProperty("detail", out var detail) ? detail.GetString() : null,
            root.TryGetProperty("requestId", out var requestId) ? requestId.GetString() : null,
            root);
        problem.Type.ShouldBe(TypeBase + type, text);
        problem.Status.ShouldBe((int)status);
        return problem;
    }
}
