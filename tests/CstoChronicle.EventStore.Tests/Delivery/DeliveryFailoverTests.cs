using CstoChronicle.Api.Notifications.Webhooks.Queue;
using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Delivery;

public sealed class DeliveryFailoverTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>, IAsyncLifetime
{
    private DeliverySubscriptions Subscriptions => new(db.DataSource, db.Schema);
    private DeliveryLog Log => new(db.DataSource, db.Schema);

    public Task InitializeAsync() => DeliveryHarness.MigrateAsync(db);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_delivery_cut_off_by_a_stopping_process_is_sent_again_by_the_next_one_with_the_same_message_id()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("cut");
        var subscription = await Subscriptions.CreateAsync(new NewDeliverySubscription("test://cut", "secret", StreamIds: [stream]));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var hanging = new RecordingTransport(async request =>
        {
            entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromMinutes(5));
            return DeliveryResult.Delivered(200);
        });
        var first = new DeliveryHarness(db, new CancellableTransport(hanging));
        var appended = await store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New()]);
        await entered.Task.WithinLimit("the first process to start sending");
        await first.DisposeAsync();

        var pending = (await Log.ListAsync(subscription.Id, 10)).ShouldHaveSingleItem();
        pending.State.ShouldBe(DeliveryStates.Pending);
        pending.Attempts.ShouldBe(0);

        var receiving = new RecordingTransport();
        await using (new DeliveryHarness(db, receiving))
            await Eventually.HoldsAsync(async () => (await Log.GetAsync(pending.Id))!.State == DeliveryStates.Delivered, "the second process to send it");
        // Another worker of the stopping process may have claimed it again before it saw the stop: same message id too.
        hanging.RequestsFor(subscription.Id).ShouldAllBe(r => r.MessageId == appended.Events[0].EventId);
        receiving.RequestsFor(subscription.Id).Single().MessageId.ShouldBe(appended.Events[0].EventId);
    }

    [Fact]
    public async Task Two_processes_on_one_schema_deliver_each_event_once_per_subscription()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId("two");
        var subscriptions = new List<DeliverySubscription>();
        for (var i = 0; i < 3; i++)
            subscriptions.Add(await Subscriptions.CreateAsync(new NewDeliverySubscription($"test://two/{i}", "secret", StreamIds: [stream])));
        var transport = new RecordingTransport(async _ => { await Task.Yield(); return DeliveryResult.Delivered(200); });
        await using var a = new DeliveryHarness(db, transport);
        await using var b = new DeliveryHarness(db, transport);

        var events = TestEvents.Many(40);
        foreach (var chunk in events.Chunk(4))
            await store.AppendAsync(stream, ExpectedVersion.Any, chunk);

        await Eventually.HoldsAsync(async () =>
        {
            foreach (var s in subscriptions)
                if ((await Log.ListAsync(s.Id, 100)).Count(d => d.State == DeliveryStates.Delivered) < events.Length) return false;
            return true;
        }, "every event delivered to every subscription");
        (a.FanOut.IsLeader ^ b.FanOut.IsLeader).ShouldBeTrue();
        foreach (var s in subscriptions)
            transport.RequestsFor(s.Id).Select(r => r.MessageId).ShouldBe(events.Select(e => e.EventId));
        transport.OverlapSeen.ShouldBeFalse();
    }

    /// <summary>Lets the host's cancellation end a transport that otherwise never answers.</summary>
    private sealed class CancellableTransport(IDeliveryTransport inner) : IDeliveryTransport
    {
        public Task<DeliveryResult> SendAsync(DeliveryRequest request, CancellationToken ct) => inner.SendAsync(request, ct).WaitAsync(ct);
    }
}
