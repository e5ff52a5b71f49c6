using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CstoChronicle.Api.Tests.Platform;

public sealed class LoggingTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    [Fact]
    public async Task Log_lines_of_a_request_carry_its_request_id_and_never_a_key()
    {
        var recorder = new LogRecorder();
        var api = factory.WithWebHostBuilder(builder => builder.ConfigureServices(services =>
        {
            services.AddSingleton<ILoggerProvider>(recorder);
            services.Configure<LoggerFilterOptions>(options => options.MinLevel = LogLevel.Debug);
        }));
        var client = api.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + ChronicleApiFactory.EditorKey);

        var written = await client.PostJsonAsync("/api/v1/sources", Facts.Source("logged-source"));
        var refused = await client.PostJsonAsync("/api/v1/events", "{not json");
        var unknown = await api.CreateClient().PostJsonAsync("/api/v1/events", Facts.Suspension(), ("Authorization", "Bearer csto_a-guessed-key"));

        written.StatusCode.ShouldBe(HttpStatusCode.Created);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        unknown.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var lines = recorder.Lines.ToList();
        var requestId = written.Headers.GetValues("X-Request-Id").Single();
        lines.ShouldContain(l => l.Scope.GetValueOrDefault("RequestId") == requestId);
        lines.ShouldAllBe(l => !l.Message.Contains(ChronicleApiFactory.EditorKey) && !l.Message.Contains("csto_a-guessed-key"));
        lines.ShouldAllBe(l => !l.Scope.Values.Any(v => v != null && (v.Contains(ChronicleApiFactory.EditorKey) || v.Contains("csto_a-guessed-key"))));
    }
}
