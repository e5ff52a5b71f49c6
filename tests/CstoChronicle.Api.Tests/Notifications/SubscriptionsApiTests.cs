using System.Net;
using System.Net.Http.Json;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Notifications;

public sealed class SubscriptionsApiTests(NotificationNode node) : IClassFixture<NotificationNode>
{
    [Fact]
    public async Task The_secret_is_shown_once_when_created_and_never_when_read()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await node.SubscribeAsync(receiver, ChronicleEvents.Entity(), ["StateAcceded"]);
        created.Secret.ShouldStartWith("whsec_");
        Convert.FromBase64String(created.Secret["whsec_".Length..]).Length.ShouldBe(32);
        created.Body.GetProperty("state").GetString().ShouldBe("active");
        created.Body.GetProperty("types")[0].GetString().ShouldBe("StateAcceded");

        var one = await node.CreateEditorClient().GetStringAsync($"/api/v1/subscriptions/{created.Id}");
        var all = await node.CreateEditorClient().GetStringAsync("/api/v1/subscriptions");
        one.ShouldContain(created.Id);
        all.ShouldContain(created.Id);
        one.ShouldNotContain(created.Secret[6..]);
        all.ShouldNotContain(created.Secret[6..]);
        one.ShouldNotContain("secret");
    }

    [Fact]
    public async Task Subscriptions_need_an_editor_key()
    {
        var anonymous = await node.CreateClient().PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook" });
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await node.CreateClient().GetAsync("/api/v1/subscriptions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_deleted_subscription_is_gone_from_the_api()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await node.SubscribeAsync(receiver, ChronicleEvents.Entity());
        var editor = node.CreateEditorClient();

        (await editor.DeleteAsync($"/api/v1/subscriptions/{created.Id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await editor.GetAsync($"/api/v1/subscriptions/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.DeleteAsync($"/api/v1/subscriptions/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await editor.GetAsync($"/api/v1/subscriptions/{created.Id}/deliveries")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("/api/v1/subscriptions/not-a-guid")]
    [InlineData("/api/v1/subscriptions/00000000-0000-0000-0000-000000000000/dead-letters")]
    public async Task Unknown_subscriptions_are_404_problems(string url) =>
        await (await node.CreateEditorClient().GetAsync(url)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=501")]
    [InlineData("limit=ten")]
    [InlineData("before=x")]
    public async Task Bad_paging_parameters_are_problems(string query)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var created = await node.SubscribeAsync(receiver, ChronicleEvents.Entity());
        await (await node.CreateEditorClient().GetAsync($"/api/v1/subscriptions/{created.Id}/deliveries?{query}"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
    }

    [Fact]
    public async Task Unknown_event_types_in_the_filter_are_refused()
    {
        var response = await node.CreateEditorClient().PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook", types = new[] { "Nope" } });
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        problem.Detail.ShouldNotBeNull().ShouldContain("$.types");
    }

    [Theory]
    [InlineData("""{"types":["StateAcceded"]}""")]
    [InlineData("""{"url":42}""")]
    [InlineData("""not json""")]
    [InlineData("""{"url":"http://127.0.0.1:9/hook","colour":"red"}""")]
    public async Task Malformed_bodies_are_400_problems(string body)
    {
        var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await node.CreateEditorClient().PostAsync("/api/v1/subscriptions", content);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, text);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }
}
