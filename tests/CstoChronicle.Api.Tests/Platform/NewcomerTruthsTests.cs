using System.Diagnostics;
using System.Net;
using System.Text;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Platform;

/// <summary>Small things a newcomer trips over (issue 16): each answer says what is true.</summary>
public sealed class NewcomerTruthsTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    public async Task A_415_names_the_content_type_that_was_sent(string contentType)
    {
        var response = await factory.CreateEditorClient().PostAsync("/api/v1/events", new StringContent(Facts.Suspension(), Encoding.UTF8, contentType));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        problem.Detail!.ShouldContain($"got '{contentType}; charset=utf-8'");
    }

    [Fact]
    public async Task A_415_without_a_content_type_says_none_was_sent()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sources") { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(Facts.Source("ct"))) };
        var response = await factory.CreateEditorClient().SendAsync(request);
        (await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported-media-type")).Detail!.ShouldContain("got '(none)'");
    }

    [Theory]
    [InlineData("from=2009-01-01", "2009-01-01T00:00:00Z", null)]
    [InlineData("from=2009&to=2009", "2009-01-01T00:00:00Z", "2009-12-31T23:59:59.9999999Z")]
    [InlineData("to=2009-02", null, "2009-02-28T23:59:59.9999999Z")]
    [InlineData("from=2009-01-01T10:00:00%2B02:00", "2009-01-01T08:00:00Z", null)]
    public async Task The_audit_takes_a_date_as_the_first_or_last_instant_of_its_days_in_utc(string query, string? from, string? to)
    {
        var answer = await factory.CreateClient().GetJsonAsync("/api/v1/audit?" + query);
        answer.GetProperty("from").GetString().ShouldBe(from);
        answer.GetProperty("to").GetString().ShouldBe(to);
    }

    [Theory]
    [InlineData("2009-13")]
    [InlineData("2009-01-01~")]
    [InlineData("yesterday")]
    public async Task The_audit_refuses_what_is_neither_an_instant_nor_a_date(string from)
    {
        var problem = await (await factory.CreateClient().GetAsync("/api/v1/audit?from=" + Uri.EscapeDataString(from)))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        problem.Detail!.ShouldContain("RFC 3339");
    }

    [Fact]
    public async Task Listing_keys_shows_the_keys_given_in_configuration_too()
    {
        var keys = (await factory.CreateAdminClient().GetJsonAsync("/api/v1/admin/keys")).EnumerateArray().ToList();
        var configured = keys.Where(k => k.GetProperty("source").GetString() == "configuration").Select(k => k.GetProperty("name").GetString()).ToList();
        configured.ShouldBe([ChronicleApiFactory.EditorName, ChronicleApiFactory.AdminName], ignoreOrder: true);
        keys.ShouldAllBe(k => !k.GetRawText().Contains("hash", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_readme_names_an_appsettings_json_that_exists() =>
        File.Exists(Path.Combine(Repository.Root, "src", "CstoChronicle.Api", "appsettings.json")).ShouldBeTrue();

    [Fact]
    public async Task Postgres_status_prints_the_database_the_cluster_was_started_with()
    {
        var folder = Directory.CreateTempSubdirectory("chronicle-status-");
        // When the tests run as root, the cluster belongs to the postgres user, who must enter the folder.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder.FullName, (UnixFileMode)0b111_101_101);
        try
        {
            var started = await ScriptAsync("start", folder.FullName, "--port", "auto", "--db", "demo", "--for-tests");
            started.ExitCode.ShouldBe(0, started.Error);
            started.Output.ShouldContain("Database=demo");

            var status = await ScriptAsync("status", folder.FullName);
            status.ExitCode.ShouldBe(0, status.Error);
            status.Output.Trim().ShouldBe(started.Output.Trim());
        }
        finally
        {
            await ScriptAsync("destroy", folder.FullName);
        }
    }

    private static async Task<(int ExitCode, string Output, string Error)> ScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(Repository.Root, "scripts", "postgres.sh"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
