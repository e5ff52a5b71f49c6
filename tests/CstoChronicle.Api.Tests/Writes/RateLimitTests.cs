using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Writes;

public sealed class RateLimitTests
{
    [Fact]
    public async Task Writes_beyond_the_limit_get_429_with_retry_after_and_write_nothing_while_reads_go_on()
    {
        await using var factory = ChronicleApiFactory.WithConfiguration(new() { ["Chronicle:WritesPerMinute"] = "2" });
        await ((IAsyncLifetime)factory).InitializeAsync();
        var editor = factory.CreateEditorClient();

        for (var i = 0; i < 2; i++)
            (await editor.PostJsonAsync("/api/v1/sources", Facts.Source($"limited-{i}"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var head = await factory.HeadPositionAsync();

        var limited = await editor.PostJsonAsync("/api/v1/sources", Facts.Source("limited-2"));

        await limited.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        int.Parse(limited.Headers.GetValues("Retry-After").Single()).ShouldBeGreaterThan(0);
        (await factory.HeadPositionAsync()).ShouldBe(head);
        (await editor.GetAsync("/api/v1/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
