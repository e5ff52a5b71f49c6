using CstoChronicle.Api.Notifications.Webhooks.Queue;
using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Delivery;

public sealed class DeliveryQueueTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>, IAsyncLifetime
{
    private DeliverySubscriptions Subscriptions => new(db.DataSource, db.Schema);
    private DeliveryLog Log => new(db.DataSource, db.Schema);

    public Task InitializeAsync() => DeliveryHarness.MigrateAsync(db);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Each_matching_event_committed_after_a_subscription_is_delivered_to_it_once_in_position_order()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("fan");
        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(2, "Before"));
        var all = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://all", "secret", StreamIds: [stream]));
        var onlyB = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://b", "secret", EventTypes: ["B"], StreamIds: [stream]));
        var transport = new RecordingTransport();
        await using var harness = new DeliveryHarness(db, transport);

        var appended = new List<RecordedEvent>();
        foreach (var type in new[] { "A", "B", "A", "B", "B" })
        {
            var result = await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New(type)]);
            appended.Add(result.Events[0]);
        }

        await Eventually.HoldsAsync(async () =>
            (await Log.ListAsync(all.Id, 100)).Count(d => d.State == DeliveryStates.Delivered) == 5 &&
            (await Log.ListAsync(onlyB.Id, 100)).Count(d => d.State == DeliveryStates.Delivered) == 3, "every delivery recorded");
        await harness.StopAsync();
        transport.RequestsFor(all.Id).Select(r => r.MessageId).ShouldBe(appended.Select(e => e.EventId));
        transport.RequestsFor(onlyB.Id).Select(r => r.Position).ShouldBe(appended.Where(e => e.Type == "B").Select(e => e.Position));
        transport.RequestsFor(all.Id)[0].Payload.ShouldContain($"\"position\":{appended[0].Position}");
        (await Log.ListAsync(all.Id, 100)).ShouldAllBe(d => d.State == DeliveryStates.Delivered && d.Attempts == 1);
    }

    [Fact]
    public async Task A_failing_receiver_gets_its_deliveries_in_order_after_retries_never_two_at_once()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("order");
        var subscription = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://order", "secret", StreamIds: [stream]));
        var failuresLeft = 2;
        var transport = new RecordingTransport(request =>
            Task.FromResult(request.SubscriptionId == subscription.Id && Interlocked.Decrement(ref failuresLeft) >= 0
                ? new DeliveryResult(DeliveryOutcome.Failed, 503, "unavailable")
                : DeliveryResult.Delivered(204)));
        await using var harness = new DeliveryHarness(db, transport);

        var positions = new List<long>();
        for (var i = 0; i < 6; i++)
            positions.Add((await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New()])).LastPosition);

        await Eventually.HoldsAsync(async () => (await Log.ListAsync(subscription.Id, 100)).Count(d => d.State == DeliveryStates.Delivered) == 6, "all six delivered");
        await harness.StopAsync();
        var sent = transport.RequestsFor(subscription.Id).Select(r => r.Position).ToList();
        sent.Distinct().ShouldBe(positions);
        sent.ShouldBe(sent.Order().ToList());
        transport.OverlapSeen.ShouldBeFalse();
        var first = (await Log.ListAsync(subscription.Id, 100)).Single(d => d.Position == positions[0]);
        first.AttemptLog.Select(a => a.Outcome).ShouldBe(["failed", "failed", "delivered"]);
        first.AttemptLog[0].StatusCode.ShouldBe(503);
    }

    [Fact]
    public async Task After_the_last_attempt_a_delivery_becomes_a_dead_letter_the_queue_moves_on_and_a_replay_sends_it_again()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("dead");
        var subscription = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://dead", "secret", StreamIds: [stream]));
        var poisoned = TestEvents.New("Poison");
        var healed = false;
        var transport = new RecordingTransport(request =>
            Task.FromResult(request.MessageId == poisoned.EventId && !Volatile.Read(ref healed)
                ? new DeliveryResult(DeliveryOutcome.Failed, 500, "boom")
                : DeliveryResult.Delivered(200)));
        await using var harness = new DeliveryHarness(db, transport);

        await store.AppendAsync(stream, ExpectedVersion.Any, [poisoned]);
        var next = TestEvents.New("Fine");
        await store.AppendAsync(stream, ExpectedVersion.Any, [next]);

        await Eventually.HoldsAsync(() => transport.RequestsFor(subscription.Id).Any(r => r.MessageId == next.EventId), "the next event after the dead letter");
        var dead = (await Log.ListDeadLettersAsync(subscription.Id, 10)).ShouldHaveSingleItem();
        dead.EventId.ShouldBe(poisoned.EventId);
        dead.Attempts.ShouldBe(DeliveryHarness.FastOptions.MaxAttempts);
        dead.AttemptLog.Last().Outcome.ShouldBe("dead");

        Volatile.Write(ref healed, true);
        var replay = (await Log.ReplayAsync(subscription.Id, dead.Id)).ShouldNotBeNull();
        replay.ReplayOf.ShouldBe(dead.Id);
        await Eventually.HoldsAsync(async () => (await Log.GetAsync(replay.Id))!.State == DeliveryStates.Delivered, "the replay to be delivered");
        (await Log.ListDeadLettersAsync(subscription.Id, 10)).ShouldBeEmpty();
        (await Log.ReplayAsync(subscription.Id, dead.Id)).ShouldBeNull();
        transport.RequestsFor(subscription.Id).Where(r => r.MessageId == poisoned.EventId).Select(r => r.Attempt).ShouldBe([1, 2, 3, 1]);
    }

    [Fact]
    public async Task A_receiver_that_is_gone_disables_its_subscription_and_gets_nothing_more()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("gone");
        var subscription = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://gone", "secret", StreamIds: [stream]));
        var transport = new RecordingTransport(_ => Task.FromResult(new DeliveryResult(DeliveryOutcome.Gone, 410)));
        await using var harness = new DeliveryHarness(db, transport);

        await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New()]);
        await Eventually.HoldsAsync(async () => (await Subscriptions.GetAsync(subscription.Id))!.State == SubscriptionStates.Disabled, "the subscription to be disabled");
        var last = await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New()]);
        await Eventually.HoldsAsync(async () => await harness.FanOut.GetCheckpointAsync() >= last.LastPosition, "the fan-out to pass the second event");
        (await Subscriptions.GetAsync(subscription.Id))!.StateReason.ShouldNotBeNull().ShouldContain("410");
        await harness.StopAsync();
        transport.RequestsFor(subscription.Id).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_retry_after_from_the_receiver_sets_the_next_attempt_at_least_that_far_ahead()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("later");
        var subscription = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://later", "secret", StreamIds: [stream]));
        var transport = new RecordingTransport(_ => Task.FromResult(new DeliveryResult(DeliveryOutcome.Failed, 429, "slow down", TimeSpan.FromHours(1))));
        await using var harness = new DeliveryHarness(db, transport);

        await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New()]);
        await Eventually.HoldsAsync(async () => (await Log.ListAsync(subscription.Id, 1)).SingleOrDefault()?.Attempts == 1, "the first attempt");
        var delivery = (await Log.ListAsync(subscription.Id, 1)).Single();
        (delivery.NextAttemptAt - delivery.AttemptLog[0].AttemptedAt).ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(59));
        delivery.State.ShouldBe(DeliveryStates.Pending);
    }

    [Fact]
    public async Task A_deleted_subscription_is_no_longer_listed_nor_delivered_to()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("deleted");
        var subscription = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://deleted", "secret", StreamIds: [stream]));
        (await Subscriptions.DeleteAsync(subscription.Id)).ShouldBeTrue();
        (await Subscriptions.DeleteAsync(subscription.Id)).ShouldBeFalse();
        (await Subscriptions.GetAsync(subscription.Id)).ShouldBeNull();
        (await Subscriptions.ListAsync()).ShouldNotContain(s => s.Id == subscription.Id);

        var transport = new RecordingTransport();
        await using var harness = new DeliveryHarness(db, transport);
        var last = await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New()]);
        await Eventually.HoldsAsync(async () => await harness.FanOut.GetCheckpointAsync() >= last.LastPosition, "the fan-out to pass the event");
        (await Log.ListAsync(subscription.Id, 10)).ShouldBeEmpty();
    }
}
