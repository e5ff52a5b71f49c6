using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>Creating and reading subscriptions through the API, as an editor.</summary>
public static class Subscribing
{
    public sealed record Created(string Id, string Secret, JsonElement Body);

    public static async Task<Created> SubscribeAsync(this NotificationNode node, WebhookReceiver receiver, string entity, string[]? types = null)
    {
        var response = await node.CreateEditorClient().PostAsJsonAsync("/api/v1/subscriptions", new { url = receiver.Url, entities = new[] { entity }, types });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
        var body = JsonDocument.Parse(text).RootElement.Clone();
        var created = new Created(body.GetProperty("id").GetString()!, body.GetProperty("secret").GetString()!, body);
        receiver.Secret = created.Secret;
        return created;
    }

    public static async Task<JsonElement> GetJsonAsync(this NotificationNode node, string url)
    {
        var response = await node.CreateEditorClient().GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<List<JsonElement>> DeliveriesAsync(this NotificationNode node, string subscriptionId, string list = "deliveries") =>
        (await node.GetJsonAsync($"/api/v1/subscriptions/{subscriptionId}/{list}")).GetProperty("deliveries").EnumerateArray().ToList();
}
