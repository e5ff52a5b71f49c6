using CstoChronicle.EventStore.Notifications;
using CstoChronicle.EventStore.Tests.Infrastructure;
using Npgsql;

namespace CstoChronicle.EventStore.Tests.Subscriptions;

public sealed class SubscriptionTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    /// <summary>Polling this rarely means a delivery within a test can only come from a notification.</summary>
    private EventStoreOptions NotificationsOnly => db.Options with { PollInterval = TimeSpan.FromHours(1) };

    [Fact]
    public async Task A_subscription_catches_up_from_the_store_then_delivers_new_events_as_they_commit()
    {
        await using var store = db.CreateStore(NotificationsOnly);
        var head = await store.GetHeadPositionAsync();
        var stream = TestEvents.StreamId();
        var existing = await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(3));
        await using var subscriber = new SubscriptionProbe(store, head);

        (await subscriber.NextAsync(3)).Select(e => e.EventId).ShouldBe(existing.Events.Select(e => e.EventId));

        var live = await store.AppendAsync(stream, ExpectedVersion.Exact(3), TestEvents.Many(2));
        (await subscriber.NextAsync(2)).Select(e => e.Position).ShouldBe(live.Events.Select(e => e.Position));
    }

    [Fact]
    public async Task A_filtered_subscription_delivers_only_matching_events_in_position_order()
    {
        await using var store = db.CreateStore(NotificationsOnly);
        var head = await store.GetHeadPositionAsync();
        var prefix = $"f{Guid.NewGuid():N}"[..10];
        await using var subscriber = new SubscriptionProbe(store, head, new ReadAllFilter(["Wanted"], prefix));

        await store.AppendAsync($"{prefix}-1", ExpectedVersion.Any, [TestEvents.New("Unwanted"), TestEvents.New("Wanted")]);
        await store.AppendAsync($"zz-{prefix}", ExpectedVersion.Any, [TestEvents.New("Wanted")]);
        var last = await store.AppendAsync($"{prefix}-2", ExpectedVersion.Any, [TestEvents.New("Wanted")]);

        var delivered = await subscriber.NextAsync(2);
        delivered.ShouldAllBe(e => e.Type == "Wanted" && e.StreamId.StartsWith(prefix));
        delivered[1].Position.ShouldBe(last.FirstPosition);
        delivered[0].Position.ShouldBeLessThan(delivered[1].Position);
    }

    [Fact]
    public async Task Many_subscribers_share_one_listening_connection()
    {
        await using var store = db.CreateStore(NotificationsOnly);
        var head = await store.GetHeadPositionAsync();
        await using var one = new SubscriptionProbe(store, head);
        await using var two = new SubscriptionProbe(store, head);
        await using var three = new SubscriptionProbe(store, head);

        var appended = await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(1));

        foreach (var subscriber in new[] { one, two, three })
            (await subscriber.NextAsync()).Position.ShouldBe(appended.FirstPosition);
        // Eventually: a listener of an earlier test may still be on its way out of pg_stat_activity.
        await Eventually.HoldsAsync(async () => store.Notifications.IsListening && (await ListenerPidsAsync()).Count == 1,
            "exactly one listening connection for the three subscribers");
    }

    [Fact]
    public async Task A_subscription_survives_its_listener_connection_being_killed()
    {
        await using var store = db.CreateStore(NotificationsOnly);
        var head = await store.GetHeadPositionAsync();
        await using var subscriber = new SubscriptionProbe(store, head);
        var before = await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(1));
        (await subscriber.NextAsync()).Position.ShouldBe(before.FirstPosition);
        await Eventually.HoldsAsync(() => store.Notifications.IsListening, "the listener to connect");
        var connections = store.Notifications.ConnectedCount;

        var killed = store.Notifications.ProcessId.ShouldNotBeNull();
        await using (var kill = db.DataSource.CreateCommand("SELECT pg_terminate_backend($1)"))
        {
            kill.Parameters.Add(new NpgsqlParameter { Value = killed });
            await kill.ExecuteNonQueryAsync();
        }
        await Eventually.HoldsAsync(() => store.Notifications.ConnectedCount > connections, "the listener to reconnect");

        var after = await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(1));
        (await subscriber.NextAsync()).Position.ShouldBe(after.FirstPosition);
        store.Notifications.ProcessId.ShouldNotBe(killed);
    }

    private async Task<List<int>> ListenerPidsAsync()
    {
        await using var command = db.DataSource.CreateCommand("SELECT pid FROM pg_stat_activity WHERE application_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = NotificationListener.ApplicationName(db.Schema) });
        await using var reader = await command.ExecuteReaderAsync();
        var pids = new List<int>();
        while (await reader.ReadAsync()) pids.Add(reader.GetInt32(0));
        return pids;
    }
}
