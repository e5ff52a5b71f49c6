using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.OpenApi;

/// <summary>
/// The API with the dataset, loopback webhook targets and a single delivery attempt (so that dead letters come at
/// once), and its own OpenAPI document: <see cref="ShouldMatchTheDocumentAsync"/> checks an answer against it.
/// </summary>
public sealed class DocumentedApi() : ChronicleApiFactory(new Dictionary<string, string?>
{
    ["Chronicle:Webhooks:AllowPrivateTargets"] = "true",
    ["Chronicle:Webhooks:AllowedPorts"] = "*",
    ["Chronicle:Webhooks:MaxAttempts"] = "1",
    ["Chronicle:Webhooks:PollInterval"] = "00:00:00.100",
})
{
    private JsonElement? _document;

    public async Task<JsonElement> DocumentAsync() => _document ??= await CreateClient().GetJsonAsync("/openapi/v1.json");

    /// <summary>The answer's status is documented for its operation, and its body (if any) validates against that status's schema.</summary>
    public async Task<JsonElement?> ShouldMatchTheDocumentAsync(HttpResponseMessage response)
    {
        var document = await DocumentAsync();
        var request = response.RequestMessage!;
        var method = request.Method.Method.ToLowerInvariant();
        var path = request.RequestUri!.AbsolutePath;
        var what = $"{request.Method} {request.RequestUri.PathAndQuery} answered {(int)response.StatusCode}";

        var operation = FindOperation(document, method, path) ?? throw new ShouldAssertException($"{what}: no operation in the document");
        var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
        operation.GetProperty("responses").TryGetProperty(status, out var documented).ShouldBeTrue($"{what}: status not documented");

        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0)
        {
            documented.TryGetProperty("content", out _).ShouldBeFalse($"{what}: the document promises a body, none came");
            return null;
        }
        var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
        documented.TryGetProperty("content", out var content).ShouldBeTrue($"{what}: a body came, the document promises none");
        content.TryGetProperty(mediaType, out var media).ShouldBeTrue($"{what}: {mediaType} is not documented");

        using var body = JsonDocument.Parse(text);
        var errors = new SchemaValidator(document).Validate(body.RootElement, media.GetProperty("schema"));
        errors.ShouldBeEmpty($"{what}: {text[..Math.Min(text.Length, 400)]}");
        return body.RootElement.Clone();
    }

    public static JsonElement? FindOperation(JsonElement document, string method, string path)
    {
        foreach (var candidate in document.GetProperty("paths").EnumerateObject())
        {
            var pattern = "^" + Regex.Replace(Regex.Escape(candidate.Name), @"\\\{[^}]+}", "[^/]+") + "$";
            if (Regex.IsMatch(path, pattern) && candidate.Value.TryGetProperty(method, out var operation)) return operation;
        }
        return null;
    }

    public HttpRequestMessage Post(string path, string json, string key = EditorKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = HttpJson.Json(json) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return request;
    }
}
