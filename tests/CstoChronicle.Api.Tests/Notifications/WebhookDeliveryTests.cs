using System.Net;
using CstoChronicle.Domain.Store;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CstoChronicle.Api.Tests.Notifications;

public sealed class WebhookDeliveryTests(NotificationNode node) : IClassFixture<NotificationNode>
{
    [Fact]
    public async Task Deliveries_are_signed_cloud_events_whose_webhook_id_is_the_event_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var entity = ChronicleEvents.Entity();
        await node.SubscribeAsync(receiver, entity);

        var appended = new List<RecordedEvent>();
        for (var i = 0; i < 5; i++) appended.Add(await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity));

        await Eventually.HoldsAsync(() => receiver.Received.Count >= 5, "five deliveries");
        var received = receiver.Received;
        received.ShouldAllBe(r => r.SignatureValid);
        received.Select(r => (r.Sequence, r.WebhookId)).OrderBy(r => r.Sequence).ShouldBe(appended.Select(e => (e.Position, e.EventId.ToString())));
        received[0].ContentType.ShouldBe("application/cloudevents+json; charset=utf-8");
        received[0].CloudEvent.GetProperty("id").GetString().ShouldBe(received[0].WebhookId);
        received[0].CloudEvent.GetProperty("historicaldate").GetString().ShouldBe("2006-08~");
    }

    [Fact]
    public async Task A_receiver_failing_three_times_gets_everything_and_the_log_shows_the_attempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, before) => Task.FromResult(before < 3 ? Results.StatusCode(500) : Results.Ok());
        var entity = ChronicleEvents.Entity();
        var subscription = await node.SubscribeAsync(receiver, entity);

        var appended = new List<RecordedEvent>();
        for (var i = 0; i < 3; i++) appended.Add(await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity));

        await Eventually.HoldsAsync(async () => (await node.DeliveriesAsync(subscription.Id)) is { Count: 3 } log && log.All(d => d.GetProperty("state").GetString() == "delivered"),
            "the log to show all three delivered");
        receiver.Received.Count.ShouldBe(6);
        receiver.Received.Select(r => r.Sequence).Distinct().Order().ShouldBe(appended.Select(e => e.Position));
        foreach (var delivery in await node.DeliveriesAsync(subscription.Id))
        {
            var outcomes = delivery.GetProperty("log").EnumerateArray().Select(a => a.GetProperty("outcome").GetString()).ToList();
            outcomes[^1].ShouldBe("delivered");
            outcomes.SkipLast(1).ShouldAllBe(o => o == "failed");
            delivery.GetProperty("attempts").GetInt32().ShouldBe(outcomes.Count);
            receiver.Received.Count(r => r.Sequence == delivery.GetProperty("position").GetInt64()).ShouldBe(outcomes.Count);
        }
        (await node.DeliveriesAsync(subscription.Id)).Sum(d => d.GetProperty("log").GetArrayLength() - 1).ShouldBe(3);
    }

    [Fact]
    public async Task A_receiver_that_was_down_gets_everything_when_it_returns()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var entity = ChronicleEvents.Entity();
        var subscription = await node.SubscribeAsync(receiver, entity);
        await receiver.StopAsync();

        var appended = new List<RecordedEvent>();
        for (var i = 0; i < 4; i++) appended.Add(await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity));
        await Eventually.HoldsAsync(async () => (await node.DeliveriesAsync(subscription.Id)).Any(d => d.GetProperty("attempts").GetInt32() >= 2), "failed attempts while down");
        await receiver.RestartAsync();

        await Eventually.HoldsAsync(() => receiver.Received.Select(r => r.Sequence).Distinct().Count() >= 4, "everything after the receiver returned");
        receiver.Received.Select(r => r.Sequence).Distinct().Order().ShouldBe(appended.Select(e => e.Position));
        receiver.Received.ShouldAllBe(r => r.SignatureValid);
    }

    [Fact]
    public async Task A_retry_after_is_waited_for_before_the_next_attempt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, before) => Task.FromResult(before == 0
            ? new BusyResult(retryAfterSeconds: 2)
            : Results.NoContent());
        var entity = ChronicleEvents.Entity();
        await node.SubscribeAsync(receiver, entity);

        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);

        await Eventually.HoldsAsync(() => receiver.Received.Count >= 2, "the retry");
        var (first, second) = (receiver.Received[0], receiver.Received[1]);
        (second.ReceivedAt - first.ReceivedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(1.9));
        second.WebhookId.ShouldBe(first.WebhookId);
    }

    [Fact]
    public async Task A_receiver_answering_410_disables_its_subscription_and_gets_nothing_more()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(Results.StatusCode(StatusCodes.Status410Gone));
        var entity = ChronicleEvents.Entity();
        var subscription = await node.SubscribeAsync(receiver, entity);

        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        await Eventually.HoldsAsync(async () => (await node.GetJsonAsync($"/api/v1/subscriptions/{subscription.Id}")).GetProperty("state").GetString() == "disabled", "the subscription to be disabled");
        await using var witness = await WebhookReceiver.StartAsync();
        await node.SubscribeAsync(witness, entity);
        var later = await node.Store.AppendAsync(ChronicleEvents.StateWithdrew(entity), entity);
        await Eventually.HoldsAsync(() => witness.Received.Any(r => r.Sequence == later.Position), "the later event's fan-out (seen by another subscription)");

        receiver.Received.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_delivery_failing_every_attempt_is_a_dead_letter_that_a_replay_delivers_with_the_same_webhook_id()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var failing = true;
        receiver.Answer = (_, _) => Task.FromResult(Volatile.Read(ref failing) ? Results.StatusCode(500) : Results.NoContent());
        var entity = ChronicleEvents.Entity();
        var subscription = await node.SubscribeAsync(receiver, entity);
        var poisoned = await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);

        await Eventually.HoldsAsync(async () => (await node.DeliveriesAsync(subscription.Id, "dead-letters")).Count == 1, "a dead letter");
        var dead = (await node.DeliveriesAsync(subscription.Id, "dead-letters")).Single();
        dead.GetProperty("eventId").GetString().ShouldBe(poisoned.EventId.ToString());
        dead.GetProperty("attempts").GetInt32().ShouldBe(4);

        Volatile.Write(ref failing, false);
        var replay = await node.CreateEditorClient().PostAsync($"/api/v1/subscriptions/{subscription.Id}/dead-letters/{dead.GetProperty("id").GetInt64()}/replay", null);
        replay.StatusCode.ShouldBe(HttpStatusCode.Accepted, await replay.Content.ReadAsStringAsync());

        await Eventually.HoldsAsync(() => receiver.Received.Count == 5, "the replay");
        receiver.Received.Select(r => r.WebhookId).Distinct().ShouldBe([poisoned.EventId.ToString()]);
        (await node.DeliveriesAsync(subscription.Id, "dead-letters")).ShouldBeEmpty();
        var again = await node.CreateEditorClient().PostAsync($"/api/v1/subscriptions/{subscription.Id}/dead-letters/{dead.GetProperty("id").GetInt64()}/replay", null);
        again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_failing_receiver_holds_back_no_other_subscription_and_every_payload_carries_its_position_and_id()
    {
        await using var failing = await WebhookReceiver.StartAsync();
        failing.Answer = (_, _) => Task.FromResult(Results.StatusCode(500));
        await using var healthy = await WebhookReceiver.StartAsync();
        var entity = ChronicleEvents.Entity();
        await node.SubscribeAsync(failing, entity);
        await node.SubscribeAsync(healthy, entity);

        var appended = new List<RecordedEvent>();
        for (var i = 0; i < 3; i++) appended.Add(await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity));

        await Eventually.HoldsAsync(() => healthy.Received.Count >= 3, "the healthy receiver to get every event");
        healthy.Received.Select(r => r.Sequence).Order().ShouldBe(appended.Select(e => e.Position));
        healthy.Received.Select(r => r.WebhookId).Order().ShouldBe(appended.Select(e => e.EventId.ToString()).Order());
        healthy.Received.ShouldAllBe(r => r.CloudEvent.GetProperty("id").GetString() == r.WebhookId);
    }

    /// <summary>503 with a Retry-After in seconds.</summary>
    private sealed class BusyResult(int retryAfterSeconds) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            http.Response.Headers.RetryAfter = retryAfterSeconds.ToString();
            return Task.CompletedTask;
        }
    }
}
