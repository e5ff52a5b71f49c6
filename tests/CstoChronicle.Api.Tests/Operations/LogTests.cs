using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CstoChronicle.Api.Logging;
using CstoChronicle.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Npgsql;

namespace CstoChronicle.Api.Tests.Operations;

/// <summary>The console log as an operator reads it: one JSON object per line with its request and trace, no secrets, outages told once.</summary>
public sealed class LogTests
{
    [Fact]
    public async Task Json_lines_of_a_request_carry_its_request_and_trace_ids_and_never_a_key_or_a_webhook_secret()
    {
        await using var factory = ChronicleApiFactory.WithConfiguration(new()
        {
            ["Chronicle:ImportDataset"] = "false",
            ["Chronicle:Webhooks:AllowPrivateTargets"] = "true",
            ["Chronicle:Webhooks:AllowedPorts"] = "*",
        });
        var (api, capture) = Capturing(factory, JsonLogFormatter.Name, LogLevel.Trace);
        var editor = api.CreateClient().WithKey(ChronicleApiFactory.EditorKey);

        var written = await editor.PostJsonAsync("/api/v1/sources", Facts.Source("logged-source"));
        var subscribed = await editor.PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook" });
        var secret = (await subscribed.ReadJsonAsync()).GetProperty("secret").GetString()!;
        var guessed = await api.CreateClient().WithKey("csto_a-guessed-key-that-must-not-be-logged").PostJsonAsync("/api/v1/sources", Facts.Source("x"));

        written.StatusCode.ShouldBe(HttpStatusCode.Created);
        subscribed.StatusCode.ShouldBe(HttpStatusCode.Created);
        guessed.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var lines = capture.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var requestId = written.Headers.GetValues("X-Request-Id").Single();
        var ofRequest = lines.Where(l => l.TryGetProperty("requestId", out var id) && id.GetString() == requestId).ToList();
        var summary = ofRequest.ShouldHaveSingleItem("one line per request at Information and above");
        summary.GetProperty("message").GetString()!.ShouldStartWith("POST /api/v1/sources/ answered 201 in ");
        summary.GetProperty("traceId").GetString().ShouldNotBeNull().Length.ShouldBe(32);
        summary.GetProperty("level").GetString().ShouldBe("info");

        var text = capture.Text;
        text.ShouldNotContain(ChronicleApiFactory.EditorKey);
        text.ShouldNotContain("csto_a-guessed-key-that-must-not-be-logged");
        text.ShouldNotContain(secret);
        text.ShouldNotContain("Bearer", Case.Insensitive);
    }

    [Fact]
    public async Task The_readable_format_puts_the_request_and_trace_ids_at_the_end_of_the_line()
    {
        await using var factory = ChronicleApiFactory.WithConfiguration(new() { ["Chronicle:ImportDataset"] = "false" });
        var (api, capture) = Capturing(factory, TextLogFormatter.Name, LogLevel.Information);
        var response = await api.CreateClient().GetAsync("/api/v1/offices/no-such-office");
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        capture.Lines.ShouldContain(l => l.Contains(" info  RequestLogMiddleware: GET /api/v1/offices/{office} answered 404 in ")
            && l.Contains($"[request {requestId}]") && l.Contains("[trace "));
    }

    [Fact]
    public async Task A_read_that_succeeds_is_a_debug_line_and_a_read_that_fails_an_information_line()
    {
        await using var factory = ChronicleApiFactory.WithConfiguration(new() { ["Chronicle:ImportDataset"] = "false" });
        var (api, capture) = Capturing(factory, JsonLogFormatter.Name, LogLevel.Debug);
        var client = api.CreateClient();

        var found = await client.GetAsync("/api/v1/members?asOf=2000-01-01");
        var missing = await client.GetAsync("/api/v1/offices/no-such-office");

        string LevelOf(HttpResponseMessage response)
        {
            var requestId = response.Headers.GetValues("X-Request-Id").Single();
            return capture.Lines.Select(l => JsonDocument.Parse(l).RootElement)
                .Single(l => l.TryGetProperty("requestId", out var id) && id.GetString() == requestId
                    && l.GetProperty("category").GetString() == typeof(RequestLogMiddleware).FullName)
                .GetProperty("level").GetString()!;
        }
        LevelOf(found).ShouldBe("debug");
        LevelOf(missing).ShouldBe("info");
    }

    [Fact]
    public async Task A_postgresql_outage_is_logged_once_when_it_starts_and_once_when_it_ends_with_its_length()
    {
        var admin = TestDatabase.ConnectionString;
        var role = "t_outage_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE ROLE {role} LOGIN; GRANT CREATE ON DATABASE \"{new NpgsqlConnectionStringBuilder(admin).Database}\" TO {role}");
        try
        {
            await using var factory = ChronicleApiFactory.WithConfiguration(new()
            {
                ["ConnectionStrings:Chronicle"] = new NpgsqlConnectionStringBuilder(admin) { Username = role, MaxPoolSize = 30 }.ConnectionString,
                ["Chronicle:ImportDataset"] = "false",
                ["Chronicle:Webhooks:PollInterval"] = "00:00:00.100",
            });
            var (api, capture) = Capturing(factory, JsonLogFormatter.Name, LogLevel.Information);
            var client = api.CreateClient();
            (await client.GetAsync("/api/v1/members?asOf=2000-01-01")).StatusCode.ShouldBe(HttpStatusCode.OK);
            var before = capture.Lines.Count;

            await ExecuteAsync(admin, $"ALTER ROLE {role} CONNECTION LIMIT 0");
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            for (var i = 0; i < 5; i++)
                (await client.GetAsync("/api/v1/members?asOf=2000-01-01")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            await Task.Delay(TimeSpan.FromSeconds(3)); // the webhook worker polls 30 times, the live reader 3 times
            await ExecuteAsync(admin, $"ALTER ROLE {role} CONNECTION LIMIT -1");
            await Eventually.HoldsAsync(() => capture.Text.Contains("PostgreSQL answers again"), "the outage's end to be logged");

            var during = capture.Lines.Skip(before).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
            var problems = during.Where(l => l.GetProperty("level").GetString() is "warn" or "error").ToList();
            problems.Count.ShouldBe(2, string.Join("\n", during.Select(l => l.GetRawText())));
            problems[0].GetProperty("category").GetString().ShouldBe(ChronicleLogFormatter.OutageCategory);
            problems[0].GetProperty("message").GetString()!.ShouldStartWith("PostgreSQL does not answer");
            problems[1].GetProperty("message").GetString()!.ShouldStartWith("PostgreSQL answers again: the outage lasted ");
            double.Parse(problems[1].GetProperty("fields").GetProperty("OutageSeconds").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                .ShouldBeGreaterThan(2.5);
            long.Parse(problems[1].GetProperty("fields").GetProperty("Suppressed").GetString()!).ShouldBeGreaterThan(5);
            during.Where(l => l.TryGetProperty("exception", out var exception)).ShouldBeEmpty();
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER ROLE {role} CONNECTION LIMIT -1");
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            await ExecuteAsync(admin, $"DROP OWNED BY {role} CASCADE; DROP ROLE {role}");
        }
    }

    private static (WebApplicationFactory<Program> Api, FormattedLogCapture Capture) Capturing(ChronicleApiFactory factory, string formatterName, LogLevel level)
    {
        FormattedLogCapture? capture = null;
        var api = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            // In place of the console: the outage's first line goes to whichever writer formats it first.
            services.Remove(services.Single(d => d.ServiceType == typeof(ILoggerProvider) && d.ImplementationType == typeof(ConsoleLoggerProvider)));
            services.AddSingleton<ILoggerProvider>(provider =>
                capture = new FormattedLogCapture(provider.GetServices<ConsoleFormatter>().Single(f => f.Name == formatterName)));
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = level);
        }));
        _ = api.Server;
        return (api, capture.ShouldNotBeNull());
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
