using CstoChronicle.EventStore.Tests.Infrastructure;
using Npgsql;

namespace CstoChronicle.EventStore.Tests.Subscriptions;

/// <summary>
/// The bug class readers of a global sequence hit most: a transaction holding a lower position commits
/// after a higher one, and a reader that already moved past the higher one skips it forever. Here the
/// writer holding the counter blocks every later append, so nothing after it can become visible first.
/// </summary>
public sealed class OutOfOrderCommitTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task A_later_append_waits_for_an_open_lower_position_and_the_subscriber_gets_both_in_order()
    {
        var gate = new GateProjection();
        await using var slowStore = db.CreateStore(gate);
        await using var store = db.CreateStore();
        var head = await store.GetHeadPositionAsync();
        await using var subscriber = new SubscriptionProbe(store, head);
        var first = TestEvents.New("First");
        var second = TestEvents.New("Second");

        var slow = slowStore.AppendAsync(TestEvents.StreamId("slow"), ExpectedVersion.Any, [first]);
        await gate.Entered.Task.WithinLimit("the slow append to hold its position");
        var fast = store.AppendAsync(TestEvents.StreamId("fast"), ExpectedVersion.Any, [second]);
        await WaitUntilAnAppendWaitsOnTheCounterAsync();

        fast.IsCompleted.ShouldBeFalse();
        (await store.ReadAllAsync(head, ReadAllFilter.None).ToListAsync()).ShouldBeEmpty();
        (await store.GetHeadPositionAsync()).ShouldBe(head);
        subscriber.HasReceivedAnything.ShouldBeFalse();

        gate.Release.SetResult();
        var slowResult = await slow.WithinLimit("the slow append");
        var fastResult = await fast.WithinLimit("the fast append");

        slowResult.FirstPosition.ShouldBe(head + 1);
        fastResult.FirstPosition.ShouldBe(head + 2);
        var delivered = await subscriber.NextAsync(2);
        delivered.Select(e => (e.Position, e.EventId)).ShouldBe([(head + 1, first.EventId), (head + 2, second.EventId)]);
    }

    [Fact]
    public async Task A_raw_transaction_holding_the_counter_is_delivered_before_the_append_queued_behind_it()
    {
        await using var store = db.CreateStore();
        var head = await store.GetHeadPositionAsync();
        await using var subscriber = new SubscriptionProbe(store, head);
        var rawEventId = Guid.NewGuid();

        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long lower;
        await using (var take = new NpgsqlCommand(
            $"UPDATE {db.Schema}.es_position SET last_position = last_position + 1 RETURNING last_position", connection, transaction))
            lower = (long)(await take.ExecuteScalarAsync())!;
        await using (var insert = new NpgsqlCommand($"""
            INSERT INTO {db.Schema}.es_events (position, stream_id, version, event_id, type, data, metadata, recorded_at)
            VALUES ($1, $2, 1, $3, 'Raw', jsonb_build_object(), jsonb_build_object(), clock_timestamp())
            """, connection, transaction))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = lower });
            insert.Parameters.Add(new NpgsqlParameter { Value = TestEvents.StreamId("raw") });
            insert.Parameters.Add(new NpgsqlParameter { Value = rawEventId });
            await insert.ExecuteNonQueryAsync();
        }

        var later = store.AppendAsync(TestEvents.StreamId("later"), ExpectedVersion.Any, TestEvents.Many(1));
        await WaitUntilAnAppendWaitsOnTheCounterAsync();
        later.IsCompleted.ShouldBeFalse();
        (await store.ReadAllAsync(head, ReadAllFilter.None).ToListAsync()).ShouldBeEmpty();
        subscriber.HasReceivedAnything.ShouldBeFalse();

        await transaction.CommitAsync();
        var laterResult = await later.WithinLimit("the queued append");

        lower.ShouldBe(head + 1);
        laterResult.FirstPosition.ShouldBe(head + 2);
        var delivered = await subscriber.NextAsync(2);
        delivered.Select(e => e.Position).ShouldBe([head + 1, head + 2]);
        delivered[0].EventId.ShouldBe(rawEventId);
    }

    private Task WaitUntilAnAppendWaitsOnTheCounterAsync() =>
        Eventually.HoldsAsync(async () =>
        {
            await using var command = db.DataSource.CreateCommand(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE $1");
            command.Parameters.Add(new NpgsqlParameter { Value = $"%{db.Schema}.es_append%" });
            return (long)(await command.ExecuteScalarAsync())! > 0;
        }, "an append to wait on the position counter's row lock");
}
