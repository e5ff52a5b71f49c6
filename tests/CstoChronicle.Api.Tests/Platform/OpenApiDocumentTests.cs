using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Platform;

public sealed class OpenApiDocumentTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    // The notification endpoints (stream, subscriptions) are documented by their own feature.
    private static readonly string[] OtherFeatures = ["/api/v1/stream", "/api/v1/subscriptions"];

    private async Task<IReadOnlyList<(string Path, string Method, JsonElement Operation)>> OperationsAsync()
    {
        var document = await factory.CreateClient().GetJsonAsync("/openapi/v1.json");
        return document.GetProperty("paths").EnumerateObject()
            .Where(p => !OtherFeatures.Any(p.Name.StartsWith))
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)))
            .ToList();
    }

    [Fact]
    public async Task Every_endpoint_of_the_v1_contract_is_documented()
    {
        var paths = (await OperationsAsync()).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToList();
        string[] expected =
        [
            "GET /api/v1/members", "GET /api/v1/offices/secretary-general", "GET /api/v1/chairmanship", "GET /api/v1/timeline",
            "GET /api/v1/changes", "GET /api/v1/events/{id}", "GET /api/v1/entities/{id}/history", "GET /api/v1/audit",
            "GET /api/v1/sources", "GET /api/v1/sources/{id}", "POST /api/v1/sources", "POST /api/v1/events",
            "POST /api/v1/events/{id}/corrections", "POST /api/v1/events/{id}/retractions", "GET /health/live", "GET /health/ready",
        ];
        expected.ShouldBeSubsetOf(paths);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_described_parameters_and_example_answers()
    {
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var name = $"{method} {path}";
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(name);
            if (operation.TryGetProperty("parameters", out var parameters))
                foreach (var parameter in parameters.EnumerateArray())
                    parameter.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace($"{name} {parameter.GetProperty("name")}");
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (!response.Value.TryGetProperty("content", out var content)) continue;
                foreach (var media in content.EnumerateObject())
                    media.Value.TryGetProperty("example", out _).ShouldBeTrue($"{name} {response.Name} {media.Name} has no example");
            }
        }
    }

    [Fact]
    public async Task Writes_declare_the_bearer_requirement_and_reads_do_not()
    {
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var secured = operation.TryGetProperty("security", out var security) && security.GetArrayLength() > 0;
            secured.ShouldBe(method != "get" || path.StartsWith("/api/v1/admin", StringComparison.Ordinal), $"{method} {path}");
        }
    }
}
