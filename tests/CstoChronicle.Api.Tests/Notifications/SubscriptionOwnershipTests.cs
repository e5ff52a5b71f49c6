using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CstoChronicle.Api.Security;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// Two editor keys, A (the factory's editor) and B, and an admin: a subscription answers only its owner and admins;
/// to anyone else it does not exist. A key holds at most Chronicle:Webhooks:MaxSubscriptionsPerOwner (here 3).
/// </summary>
public sealed class SubscriptionOwnershipTests : IAsyncLifetime
{
    private const string EditorBKey = "csto_test-editor-b-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly NotificationNode _node = NotificationNode.WithSettings(new()
    {
        ["Chronicle:ApiKeys:2:Name"] = "test-editor-b",
        ["Chronicle:ApiKeys:2:Role"] = "editor",
        ["Chronicle:ApiKeys:2:Hash"] = ApiKeyText.Hash(EditorBKey),
        ["Chronicle:Webhooks:MaxSubscriptionsPerOwner"] = "3",
        ["Chronicle:Webhooks:MaxAttempts"] = "1",
    });

    public Task InitializeAsync() => _node.InitializeAsync();
    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    private HttpClient A => _node.CreateEditorClient();
    private HttpClient B => _node.CreateClientWithKey(EditorBKey);

    [Fact]
    public async Task Another_editor_finds_none_of_a_subscription_its_deliveries_dead_letters_or_replays()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(Microsoft.AspNetCore.Http.Results.StatusCode(500));
        var entity = ChronicleEvents.Entity();
        var created = await _node.SubscribeAsync(receiver, entity);
        created.Body.GetProperty("owner").GetString().ShouldBe(ChronicleApiFactory.EditorName);
        await _node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        await Eventually.HoldsAsync(async () => (await _node.DeliveriesAsync(created.Id, "dead-letters")).Count == 1, "a dead letter of A's");
        var deadId = (await _node.DeliveriesAsync(created.Id, "dead-letters")).Single().GetProperty("id").GetInt64();

        var listedForB = await B.GetStringAsync("/api/v1/subscriptions");
        listedForB.ShouldNotContain(created.Id);
        listedForB.ShouldNotContain(receiver.Url);
        foreach (var url in new[] { "", "/deliveries", "/dead-letters" })
            await (await B.GetAsync($"/api/v1/subscriptions/{created.Id}{url}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await B.PostAsync($"/api/v1/subscriptions/{created.Id}/dead-letters/{deadId}/replay", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
        await (await B.DeleteAsync($"/api/v1/subscriptions/{created.Id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");

        (await A.GetStringAsync($"/api/v1/subscriptions/{created.Id}")).ShouldContain(receiver.Url);
        (await _node.DeliveriesAsync(created.Id, "dead-letters")).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_admin_sees_and_manages_every_owners_subscriptions()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var ofA = await _node.SubscribeAsync(receiver, ChronicleEvents.Entity());
        var ofB = await CreateAsync(B, receiver.Url);
        var admin = _node.CreateAdminClient();

        var all = await ListAsync(admin, "/api/v1/subscriptions?limit=500");
        all.Select(s => s.GetProperty("id").GetString()).ShouldContain(ofA.Id);
        all.Select(s => s.GetProperty("id").GetString()).ShouldContain(ofB);
        var listedForB = (await ListAsync(B, "/api/v1/subscriptions")).Select(s => s.GetProperty("id").GetString()).ToList();
        listedForB.ShouldContain(ofB);
        listedForB.ShouldNotContain(ofA.Id);
        (await admin.GetAsync($"/api/v1/subscriptions/{ofA.Id}/deliveries")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.DeleteAsync($"/api/v1/subscriptions/{ofB}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ListAsync(B, "/api/v1/subscriptions")).Select(s => s.GetProperty("id").GetString()).ShouldNotContain(ofB);
    }

    [Fact]
    public async Task A_key_holds_at_most_its_cap_and_a_deleted_subscription_frees_a_place_and_keeps_no_secret()
    {
        var b = _node.CreateClientWithKey(EditorBKey);
        // B is used by other tests of this class too: start from none.
        foreach (var s in await ListAsync(b, "/api/v1/subscriptions")) await b.DeleteAsync($"/api/v1/subscriptions/{s.GetProperty("id").GetString()}");

        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add(await CreateAsync(b, "http://127.0.0.1:9/hook"));
        var refused = await b.PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook" });
        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "too-many-subscriptions");
        problem.Detail.ShouldNotBeNull().ShouldContain("3");

        (await b.DeleteAsync($"/api/v1/subscriptions/{ids[0]}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await _node.ScalarAsync<bool>("SELECT secret IS NULL FROM {schema}.es_delivery_subscriptions WHERE id = $1", Guid.Parse(ids[0]))).ShouldBeTrue();
        await CreateAsync(b, "http://127.0.0.1:9/hook");
    }

    [Fact]
    public async Task Lists_are_paged_with_a_cursor_in_the_link_header()
    {
        var admin = _node.CreateAdminClient();
        for (var i = 0; i < 3; i++) await CreateAsync(admin, "http://127.0.0.1:9/hook");

        var seen = new List<string>();
        var url = "/api/v1/subscriptions?limit=2";
        for (var pages = 0; url is not null && pages < 100; pages++)
        {
            var response = await admin.GetAsync(url);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
            page.Count.ShouldBeLessThanOrEqualTo(2);
            seen.AddRange(page.Select(s => s.GetProperty("id").GetString()!));
            url = response.Headers.TryGetValues("Link", out var links) ? new Uri(links.Single().Split('<', '>')[1]).PathAndQuery : null;
        }
        seen.Count.ShouldBeGreaterThanOrEqualTo(3);
        seen.ShouldBeUnique();
        seen.ShouldBe(seen.OrderBy(Guid.Parse).ToList());
        await (await admin.GetAsync("/api/v1/subscriptions?cursor=nope")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        await (await admin.GetAsync("/api/v1/subscriptions?limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
    }

    private static async Task<string> CreateAsync(HttpClient client, string url)
    {
        var response = await client.PostAsJsonAsync("/api/v1/subscriptions", new { url });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<List<JsonElement>> ListAsync(HttpClient client, string url) =>
        JsonDocument.Parse(await client.GetStringAsync(url)).RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
}

/// <summary>Creating subscriptions counts against the writes rate limit of the key.</summary>
public sealed class SubscriptionRateLimitTests : IAsyncLifetime
{
    private readonly NotificationNode _node = NotificationNode.WithSettings(new() { ["Chronicle:WritesPerMinute"] = "2" });

    public Task InitializeAsync() => _node.InitializeAsync();
    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Fact]
    public async Task The_third_creation_in_a_minute_is_429_with_retry_after()
    {
        var editor = _node.CreateEditorClient();
        for (var i = 0; i < 2; i++)
            (await editor.PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var third = await editor.PostAsJsonAsync("/api/v1/subscriptions", new { url = "http://127.0.0.1:9/hook" });
        await third.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "rate-limited");
        third.Headers.RetryAfter.ShouldNotBeNull();
    }
}
