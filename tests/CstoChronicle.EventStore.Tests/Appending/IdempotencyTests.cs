using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Appending;

public sealed class IdempotencyTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task Retrying_an_append_returns_the_original_positions_and_writes_nothing()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        var batch = TestEvents.Many(3);
        var original = await store.AppendAsync(stream, ExpectedVersion.NoStream, batch);
        await store.AppendAsync(stream, ExpectedVersion.Exact(3), TestEvents.Many(1));
        var head = await store.GetHeadPositionAsync();

        var retry = await store.AppendAsync(stream, ExpectedVersion.NoStream, batch);

        retry.WasReplay.ShouldBeTrue();
        retry.StreamVersion.ShouldBe(original.StreamVersion);
        retry.Events.Select(e => (e.Position, e.Version, e.EventId, e.Type))
            .ShouldBe(original.Events.Select(e => (e.Position, e.Version, e.EventId, e.Type)));
        retry.Events.Select(e => e.RecordedAt).ShouldBe(original.Events.Select(e => e.RecordedAt));
        (await store.GetHeadPositionAsync()).ShouldBe(head);
        (await store.GetStreamStateAsync(stream))!.Version.ShouldBe(4);
    }

    [Fact]
    public async Task Retrying_with_an_inline_projection_replays_without_projecting_twice()
    {
        await StreamCountProjection.CreateTableAsync(db, "idem_counts");
        var projection = new StreamCountProjection("idem_counts");
        await using var store = db.CreateStore(projection);
        var stream = TestEvents.StreamId();
        var batch = TestEvents.Many(2);

        var original = await store.AppendAsync(stream, ExpectedVersion.Any, batch);
        var retry = await store.AppendAsync(stream, ExpectedVersion.Any, batch);

        retry.WasReplay.ShouldBeTrue();
        retry.LastPosition.ShouldBe(original.LastPosition);
        projection.Applied.ShouldBe(2);
        (await StreamCountProjection.ReadTableAsync(db, "idem_counts")).Single(r => r.Stream == stream).Events.ShouldBe(2);
    }

    [Fact]
    public async Task Known_ids_in_another_order_are_an_event_id_conflict()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        var batch = TestEvents.Many(2);
        await store.AppendAsync(stream, ExpectedVersion.Any, batch);

        await Should.ThrowAsync<EventIdConflictException>(
            () => store.AppendAsync(stream, ExpectedVersion.Any, [batch[0], TestEvents.New()]));
        await Should.ThrowAsync<EventIdConflictException>(
            () => store.AppendAsync(stream, ExpectedVersion.Any, [TestEvents.New(), batch[1]]));
        (await store.GetStreamStateAsync(stream))!.Version.ShouldBe(2);
    }

    [Fact]
    public async Task Known_ids_sent_to_another_stream_are_an_event_id_conflict()
    {
        await using var store = db.CreateStore();
        var batch = TestEvents.Many(1);
        await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, batch);

        await Should.ThrowAsync<EventIdConflictException>(
            () => store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, batch));
    }

    [Fact]
    public async Task Concurrent_retries_of_one_batch_store_it_once_and_all_get_its_positions()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        var batch = TestEvents.Many(3);

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            Task.Run(() => store.AppendAsync(stream, ExpectedVersion.NoStream, batch))));

        results.Count(r => !r.WasReplay).ShouldBe(1);
        var positions = results[0].Events.Select(e => e.Position).ToList();
        results.ShouldAllBe(r => r.Events.Select(e => e.Position).SequenceEqual(positions));
        (await store.ReadStreamAsync(stream).ToListAsync()).Count.ShouldBe(3);
    }
}
