using System.Net;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using CstoChronicle.Domain.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>What delivery keeps: no copy of the payload (it is written from the event), and finished work only until the retention.</summary>
public sealed class DeliveryStorageTests : IAsyncLifetime
{
    private readonly NotificationNode _node = new();

    public Task InitializeAsync() => _node.InitializeAsync();
    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Fact]
    public async Task An_event_for_two_subscriptions_gets_both_the_same_body_and_no_payload_is_stored()
    {
        await using var first = await WebhookReceiver.StartAsync();
        await using var second = await WebhookReceiver.StartAsync();
        var entity = ChronicleEvents.Entity();
        await _node.SubscribeAsync(first, entity);
        await _node.SubscribeAsync(second, entity);

        var appended = await _node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);

        await Eventually.HoldsAsync(() => first.Received.Count == 1 && second.Received.Count == 1, "both deliveries");
        first.Received[0].Body.ShouldBe(second.Received[0].Body);
        (await _node.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = $1 AND table_name = 'es_delivery_payloads'", _node.Schema)).ShouldBe(0);
        (await _node.ScalarAsync<long>("SELECT count(*) FROM {schema}.es_deliveries WHERE position = $1", appended.Position)).ShouldBe(2);
    }

    [Fact]
    public async Task Delivered_work_past_the_retention_is_removed_with_its_attempts_but_dead_letters_stay_replayable()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = true;
        receiver.Answer = (r, _) => Task.FromResult(Volatile.Read(ref failing) && r.CloudEvent.GetProperty("type").GetString()!.EndsWith("StateWithdrew")
            ? Results.StatusCode(500)
            : Results.NoContent());
        var entity = ChronicleEvents.Entity();
        var subscription = await _node.SubscribeAsync(receiver, entity);
        var delivered = await _node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        var dead = await _node.Store.AppendAsync(ChronicleEvents.StateWithdrew(entity), entity);
        await Eventually.HoldsAsync(async () => (await _node.DeliveriesAsync(subscription.Id, "dead-letters")).Count == 1, "a dead letter");
        await Eventually.HoldsAsync(async () => (await _node.DeliveriesAsync(subscription.Id)).Any(d => d.GetProperty("state").GetString() == "delivered"), "a delivery");

        await _node.ScalarAsync<object>("""
            UPDATE {schema}.es_deliveries SET created_at = now() - interval '40 days', completed_at = now() - interval '40 days' WHERE subscription_id = $1
            """, Guid.Parse(subscription.Id));

        var removed = await _node.Services.GetRequiredService<DeliveryRetention>().PurgeAsync(TimeSpan.FromDays(30));

        removed.ShouldBeGreaterThanOrEqualTo(1);
        var left = await _node.DeliveriesAsync(subscription.Id);
        left.ShouldHaveSingleItem().GetProperty("state").GetString().ShouldBe("dead");
        (await _node.ScalarAsync<long>("""
            SELECT count(*) FROM {schema}.es_delivery_attempts a WHERE a.subscription_id = $1
               AND NOT EXISTS (SELECT 1 FROM {schema}.es_deliveries d WHERE d.id = a.delivery_id)
            """, Guid.Parse(subscription.Id))).ShouldBe(0);

        Volatile.Write(ref failing, false);
        var deadId = left[0].GetProperty("id").GetInt64();
        var replay = await _node.CreateEditorClient().PostAsync($"/api/v1/subscriptions/{subscription.Id}/dead-letters/{deadId}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());
        await Eventually.HoldsAsync(() => receiver.Received.Any(r => r.WebhookId == dead.EventId.ToString() && r.Sequence == dead.Position)
            && receiver.Received.Count(r => r.WebhookId == dead.EventId.ToString()) == 5, "the replay, written from the event");
    }
}
