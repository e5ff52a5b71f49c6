using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CstoChronicle.Api.Tests.OpenApi;

public sealed class OpenApiDocumentTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    /// <summary>Set to 1 (scripts/openapi.sh update does) to write the served document to docs/openapi/v1.json instead of comparing.</summary>
    public const string UpdateVariable = "CHRONICLE_UPDATE_OPENAPI";

    private async Task<JsonElement> DocumentAsync() => await factory.CreateClient().GetJsonAsync("/openapi/v1.json");

    private async Task<IReadOnlyList<(string Path, string Method, JsonElement Operation)>> OperationsAsync() =>
        (await DocumentAsync()).GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (p.Name, o.Name, o.Value)))
            .ToList();

    private async Task<JsonElement> OperationAsync(string id) =>
        (await OperationsAsync()).Single(o => o.Operation.GetProperty("operationId").GetString() == id).Operation;

    private static JsonElement Parameter(JsonElement operation, string name) =>
        operation.GetProperty("parameters").EnumerateArray().Single(p => p.GetProperty("name").GetString() == name);

    [Fact]
    public async Task Every_endpoint_of_the_v1_contract_is_documented()
    {
        var paths = (await OperationsAsync()).Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToList();
        string[] expected =
        [
            "GET /api/v1/members", "GET /api/v1/offices/secretary-general", "GET /api/v1/offices", "GET /api/v1/offices/{office}", "GET /api/v1/chairmanship", "GET /api/v1/timeline",
            "GET /api/v1/changes", "GET /api/v1/events/{id}", "GET /api/v1/entities/{id}/history", "GET /api/v1/audit",
            "GET /api/v1/sources", "GET /api/v1/sources/{id}", "POST /api/v1/sources", "POST /api/v1/events",
            "POST /api/v1/events/{id}/corrections", "POST /api/v1/events/{id}/retractions", "GET /health/live", "GET /health/ready",
            "GET /api/v1/stream", "POST /api/v1/subscriptions", "GET /api/v1/subscriptions", "GET /api/v1/subscriptions/{id}",
            "DELETE /api/v1/subscriptions/{id}", "GET /api/v1/subscriptions/{id}/deliveries", "GET /api/v1/subscriptions/{id}/dead-letters",
            "POST /api/v1/subscriptions/{id}/dead-letters/{deliveryId}/replay",
        ];
        expected.ShouldBeSubsetOf(paths);
    }

    [Fact]
    public async Task Every_operation_has_a_summary_described_parameters_example_answers_and_its_problem_answers()
    {
        string[] without4xx = ["GetSources", "Liveness", "Readiness"];
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var name = $"{method} {path}";
            operation.GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace(name);
            if (operation.TryGetProperty("parameters", out var parameters))
                foreach (var parameter in parameters.EnumerateArray())
                    parameter.GetProperty("description").GetString().ShouldNotBeNullOrWhiteSpace($"{name} {parameter.GetProperty("name")}");
            var statuses = operation.GetProperty("responses").EnumerateObject().Select(r => r.Name).ToList();
            statuses.ShouldContain("500", name);
            if (!without4xx.Contains(operation.GetProperty("operationId").GetString()))
                statuses.ShouldContain(s => s.StartsWith('4'), $"{name} lists no 4xx answer");
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (!response.Value.TryGetProperty("content", out var content)) continue;
                foreach (var media in content.EnumerateObject())
                    media.Value.TryGetProperty("example", out _).ShouldBeTrue($"{name} {response.Name} {media.Name} has no example");
            }
        }
    }

    [Fact]
    public async Task Writes_declare_the_bearer_requirement_and_reads_are_public_for_the_whole_document()
    {
        var document = await DocumentAsync();
        var everyone = document.GetProperty("security").EnumerateArray().ToList();
        everyone.Count.ShouldBe(1);
        everyone[0].EnumerateObject().ShouldBeEmpty("reads need no key");
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            var secured = operation.TryGetProperty("security", out var security) && security.GetRawText().Contains("\"bearer\"");
            var needsKey = method != "get" || path.StartsWith("/api/v1/admin", StringComparison.Ordinal) || path.StartsWith("/api/v1/subscriptions", StringComparison.Ordinal);
            secured.ShouldBe(needsKey, $"{method} {path}");
            if (needsKey) operation.GetProperty("responses").TryGetProperty("401", out _).ShouldBeTrue($"{method} {path}");
        }
    }

    [Fact]
    public async Task A_historical_date_is_an_edtf_string_and_an_instant_a_date_time_string()
    {
        var document = await DocumentAsync();
        var member = document.GetProperty("components").GetProperty("schemas").GetProperty("Member").GetProperty("properties");
        var since = member.GetProperty("since");
        since.GetProperty("type").GetString().ShouldBe("string");
        since.GetProperty("pattern").GetString().ShouldNotBeNullOrEmpty();
        since.GetProperty("description").GetString()!.ShouldContain("EDTF");
        document.GetProperty("components").GetProperty("schemas").TryGetProperty("HistoricalDate", out _).ShouldBeFalse();
        var knownAt = document.GetProperty("components").GetProperty("schemas").GetProperty("MembersResponse").GetProperty("properties").GetProperty("knownAt");
        knownAt.GetProperty("format").GetString().ShouldBe("date-time");
    }

    [Fact]
    public async Task Each_parameter_is_described_as_its_own_operation_reads_it()
    {
        var audit = await OperationAsync("GetAudit");
        Parameter(audit, "from").GetProperty("description").GetString()!.ShouldContain("RFC 3339");
        Parameter(audit, "from").GetProperty("example").GetString().ShouldEndWith("Z");

        var timeline = await OperationAsync("GetTimeline");
        Parameter(timeline, "from").GetProperty("description").GetString()!.ShouldContain("EDTF");

        var stream = await OperationAsync("StreamEvents");
        var names = stream.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        names.ShouldBe(["types", "entities", "from", "Last-Event-ID"], ignoreOrder: true);
        Parameter(stream, "from").GetProperty("schema").GetProperty("type").GetString().ShouldBe("integer");
        Parameter(stream, "from").GetProperty("description").GetString()!.ShouldContain("position");
        Parameter(stream, "Last-Event-ID").GetProperty("in").GetString().ShouldBe("header");
        stream.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/event-stream", out _).ShouldBeTrue();

        var deliveries = await OperationAsync("ListDeliveries");
        Parameter(deliveries, "limit").GetProperty("schema").GetProperty("default").GetInt32().ShouldBe(50);
        Parameter(deliveries, "id").GetProperty("description").GetString()!.ShouldContain("subscription");
        var replay = await OperationAsync("ReplayDeadLetter");
        Parameter(replay, "deliveryId").GetProperty("schema").GetProperty("type").GetString().ShouldBe("integer");
        foreach (var id in new[] { "GetSubscription", "DeleteSubscription", "ListDeadLetters" })
            Parameter(await OperationAsync(id), "id").GetProperty("description").GetString()!.ShouldContain("subscription");
        (await OperationAsync("CreateSubscription")).GetProperty("responses").TryGetProperty("422", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Every_example_validates_against_its_schema()
    {
        var document = await DocumentAsync();
        var validator = new SchemaValidator(document);
        var checkedExamples = 0;
        foreach (var (path, method, operation) in await OperationsAsync())
        {
            foreach (var response in operation.GetProperty("responses").EnumerateObject())
            {
                if (!response.Value.TryGetProperty("content", out var content)) continue;
                foreach (var media in content.EnumerateObject())
                {
                    if (!media.Value.TryGetProperty("example", out var example) || media.Name == "text/event-stream") continue;
                    validator.Validate(example, media.Value.GetProperty("schema")).ShouldBeEmpty($"{method} {path} {response.Name} {media.Name}");
                    checkedExamples++;
                }
            }
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
                if (parameter.TryGetProperty("example", out var example))
                    validator.Validate(example, parameter.GetProperty("schema")).ShouldBeEmpty($"{method} {path} parameter {parameter.GetProperty("name")}");
        }
        checkedExamples.ShouldBeGreaterThan(100);
    }

    [Fact]
    public async Task Servers_name_the_address_the_document_was_read_from()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5080") });
        var document = await client.GetJsonAsync("/openapi/v1.json");
        document.GetProperty("servers")[0].GetProperty("url").GetString().ShouldBe("http://localhost:5080");
    }

    /// <summary>The committed document (docs/openapi/v1.json) that the client is generated from and Redocly lints is the served one.</summary>
    [Fact]
    public async Task The_committed_document_is_the_one_served()
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://localhost:5080") });
        var served = Normalize(await client.GetStringAsync("/openapi/v1.json"));
        var committed = Path.Combine(Platform.Repository.Root, "docs", "openapi", "v1.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1") await File.WriteAllTextAsync(committed, served);
        var lines = Normalize(await File.ReadAllTextAsync(committed)).Split('\n');
        var servedLines = served.Split('\n');
        var first = Enumerable.Range(0, Math.Max(lines.Length, servedLines.Length))
            .FirstOrDefault(i => i >= lines.Length || i >= servedLines.Length || lines[i] != servedLines[i], -1);
        first.ShouldBe(-1, $"docs/openapi/v1.json is not the served document (run scripts/openapi.sh update); from line {first + 1}, served:\n" +
            string.Join('\n', servedLines.Skip(Math.Max(0, first - 3)).Take(8)));
    }

    private static string Normalize(string json) =>
        JsonSerializer.Serialize(JsonDocument.Parse(json).RootElement,
            new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .ReplaceLineEndings("\n") + "\n";
}
