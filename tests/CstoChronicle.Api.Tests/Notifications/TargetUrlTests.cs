using System.Net;
using System.Net.Http.Json;
using CstoChronicle.Api.Notifications.Webhooks;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>Target URLs on a node that, as in production, does not allow private targets.</summary>
public sealed class TargetUrlTests : IAsyncLifetime
{
    private readonly NotificationNode _node = NotificationNode.WithSettings(new()
    {
        ["Chronicle:Webhooks:AllowPrivateTargets"] = "false",
        ["Chronicle:Webhooks:AllowedPorts"] = "80,443",
    });

    public Task InitializeAsync() => _node.InitializeAsync();
    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Theory]
    [InlineData("ftp://93.184.215.14/hook", "http or https")]
    [InlineData("/relative/hook", "http or https")]
    [InlineData("not a url", "absolute")]
    [InlineData("", "required")]
    [InlineData("https://user:password@93.184.215.14/hook", "credentials")]
    [InlineData("http://127.0.0.1/hook", "public")]
    [InlineData("http://localhost/hook", "public")]
    [InlineData("http://10.1.2.3/hook", "public")]
    [InlineData("http://172.16.0.1/hook", "public")]
    [InlineData("http://192.168.1.10/hook", "public")]
    [InlineData("http://169.254.169.254/latest/meta-data", "public")]
    [InlineData("http://100.100.100.200/hook", "public")]
    [InlineData("http://0.0.0.0/hook", "public")]
    [InlineData("http://[::1]/hook", "public")]
    [InlineData("http://[fe80::1]/hook", "public")]
    [InlineData("http://[fd00:ec2::254]/hook", "public")]
    [InlineData("http://[::ffff:10.0.0.1]/hook", "public")]
    [InlineData("http://[::127.0.0.1]/hook", "public")]
    [InlineData("http://224.0.0.1/hook", "public")]
    [InlineData("http://[::ffff:0:808:808]/hook", "public")]
    [InlineData("http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook", "public")]
    [InlineData("http://192.88.99.1/hook", "public")]
    [InlineData("http://[2002:c058:6301::1]/hook", "public")]
    [InlineData("http://93.184.215.14:8080/hook", "port")]
    [InlineData("https://93.184.215.14:22/hook", "port")]
    [InlineData("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]:8443/hook", "port")]
    [InlineData("http://no-such-host.invalid/hook", "does not resolve")]
    public async Task Refused_targets_are_422_problems_saying_why(string url, string reason)
    {
        var response = await _node.CreateEditorClient().PostAsJsonAsync("/api/v1/subscriptions", new { url });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        problem.Detail.ShouldNotBeNull().ShouldContain("$.url");
        problem.Detail.ShouldContain(reason);
    }

    [Theory]
    [InlineData("https://93.184.215.14/hook")]
    [InlineData("http://93.184.215.14:80/hook")]
    [InlineData("https://93.184.215.14:443/hook")]
    [InlineData("http://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook?token=a")]
    public async Task Public_http_and_https_targets_are_accepted(string url)
    {
        var response = await _node.CreateEditorClient().PostAsJsonAsync("/api/v1/subscriptions", new { url });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("2001:4860:4860::8888", true)]
    [InlineData("127.0.0.53", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("198.18.0.1", false)]
    [InlineData("::", false)]
    [InlineData("fc00::1", false)]
    [InlineData("64:ff9b::a00:1", false)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("::a00:1", false)]
    [InlineData("::808:808", true)]
    [InlineData("2002:c0a8:0101::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:0:808:808", false)]
    [InlineData("::ffff:0:a00:1", false)]
    [InlineData("2001::1", false)]
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)]
    [InlineData("2001:10::1", false)]
    [InlineData("192.88.99.1", false)]
    [InlineData("192.88.98.1", true)]
    [InlineData("2002:c058:6301::1", false)]
    [InlineData("2a00:1450:4001:80b::200e", true)]
    [InlineData("4000::1", false)]
    [InlineData("::ffff:8.8.8.8", true)]
    public void Addresses_are_public_only_outside_the_reserved_ranges(string address, bool isPublic) =>
        PublicAddress.IsPublic(IPAddress.Parse(address)).ShouldBe(isPublic);
}

/// <summary>A configured list of ports replaces 80 and 443.</summary>
public sealed class TargetPortTests : IAsyncLifetime
{
    private readonly NotificationNode _node = NotificationNode.WithSettings(new()
    {
        ["Chronicle:Webhooks:AllowPrivateTargets"] = "false",
        ["Chronicle:Webhooks:AllowedPorts"] = "443, 8443",
    });

    public Task InitializeAsync() => _node.InitializeAsync();
    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Theory]
    [InlineData("https://93.184.215.14:8443/hook", HttpStatusCode.Created)]
    [InlineData("https://93.184.215.14/hook", HttpStatusCode.Created)]
    [InlineData("http://93.184.215.14/hook", HttpStatusCode.UnprocessableEntity)]
    public async Task Only_the_configured_ports_are_accepted(string url, HttpStatusCode status)
    {
        var response = await _node.CreateEditorClient().PostAsJsonAsync("/api/v1/subscriptions", new { url });
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
    }
}
