using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Platform;

public sealed class PlatformTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Liveness_answers_healthy()
    {
        var response = await _client.GetAsync("/health/live");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("\"status\":\"healthy\"");
    }

    [Fact]
    public async Task Readiness_checks_postgresql()
    {
        var response = await _client.GetAsync("/health/ready");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadAsStringAsync();
        body.ShouldContain("\"postgresql\"");
        body.ShouldContain("\"projections\"");
        body.ShouldContain("\"status\":\"healthy\"");
    }

    [Fact]
    public async Task Readiness_fails_when_postgresql_does_not_answer()
    {
        await using var unreachable = ChronicleApiFactory.WithConfiguration(new()
        {
            ["ConnectionStrings:Chronicle"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=1",
        });
        var client = unreachable.WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            var startup = services.Single(d => d.ImplementationType == typeof(CstoChronicle.Api.Platform.ChronicleStartup));
            services.Remove(startup);
        })).CreateClient();

        var response = await client.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await response.Content.ReadAsStringAsync()).ShouldContain("unhealthy");
    }

    [Fact]
    public async Task An_unknown_route_is_a_404_problem_naming_the_path()
    {
        var response = await _client.GetAsync("/api/v1/no-such-thing");
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        problem.Detail.ShouldNotBeNull().ShouldContain("/api/v1/no-such-thing");
    }

    [Fact]
    public async Task Every_answer_carries_a_request_id_that_problems_repeat()
    {
        var response = await _client.GetAsync("/nowhere");
        var header = response.Headers.GetValues("X-Request-Id").Single();
        header.ShouldNotBeNullOrWhiteSpace();
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        problem.RequestId.ShouldBe(header);

        var healthy = await _client.GetAsync("/health/live");
        healthy.Headers.GetValues("X-Request-Id").Single().ShouldNotBe(header);
    }

    [Fact]
    public async Task The_openapi_document_is_served_with_the_bearer_scheme()
    {
        var response = await _client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        document.RootElement.GetProperty("info").GetProperty("title").GetString().ShouldBe("CSTO Chronicle API");
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer")
            .GetProperty("scheme").GetString().ShouldBe("bearer");
        document.RootElement.GetProperty("paths").TryGetProperty("/health/ready", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Swagger_ui_is_served_in_production()
    {
        var response = await _client.GetAsync("/swagger/index.html");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("swagger-ui");
    }

    [Fact]
    public async Task The_schema_holds_the_api_tables_after_start()
    {
        var tables = await factory.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name IN ('api_keys', 'api_idempotency', 'mt_events')",
            factory.Schema);
        tables.ShouldBe(3);
    }
}
