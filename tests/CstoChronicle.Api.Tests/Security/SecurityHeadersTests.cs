using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Security;

public sealed class SecurityHeadersTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    [Theory]
    [InlineData("/api/v1/members?asOf=2006-12-31", HttpStatusCode.OK)]
    [InlineData("/api/v1/members?asOf=2006-13-01", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/nothing-here", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/admin/keys", HttpStatusCode.Unauthorized)]
    [InlineData("/openapi/v1.json", HttpStatusCode.OK)]
    [InlineData("/swagger/index.html", HttpStatusCode.OK)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.OK)]
    [InlineData("/js/main.js", HttpStatusCode.OK)]
    public async Task Every_answer_carries_nosniff_no_referrer_and_a_policy_against_framing(string path, HttpStatusCode status)
    {
        var response = await factory.CreateClient().GetAsync(path);
        response.StatusCode.ShouldBe(status);
        SecurityHeaders.ShouldBeOn(response);
    }

    [Fact]
    public async Task Api_answers_may_load_nothing_and_swagger_ui_only_its_own_files()
    {
        var api = SecurityHeaders.Header(await factory.CreateClient().GetAsync("/api/v1/chairmanship"), "Content-Security-Policy") ?? "";
        api.ShouldStartWith("default-src 'none'");

        var swagger = SecurityHeaders.Header(await factory.CreateClient().GetAsync("/swagger/index.html"), "Content-Security-Policy") ?? "";
        swagger.ShouldContain("default-src 'self'");
        swagger.ShouldContain("script-src 'self'");
        swagger.ShouldNotContain("'unsafe-eval'");
    }

    [Fact]
    public async Task A_revalidated_page_file_keeps_the_page_policy()
    {
        var client = factory.CreateClient();
        var first = await client.GetAsync("/index.html");
        var request = new HttpRequestMessage(HttpMethod.Get, "/index.html");
        request.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());

        var again = await client.SendAsync(request);

        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        SecurityHeaders.Header(again, "Content-Security-Policy").ShouldBe(SecurityHeaders.Header(first, "Content-Security-Policy"));
        SecurityHeaders.ShouldBeOn(again);
    }

    [Fact]
    public async Task The_event_stream_carries_them_too()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var response = await factory.CreateClient().GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        SecurityHeaders.ShouldBeOn(response);
    }
}
