using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Appending;

public sealed class AppendTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task Appending_to_a_new_stream_numbers_versions_from_one_and_positions_without_gaps()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();

        var first = await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(3));
        var second = await store.AppendAsync(stream, ExpectedVersion.Exact(3), TestEvents.Many(2));

        first.Events.Select(e => e.Version).ShouldBe([1L, 2, 3]);
        second.Events.Select(e => e.Version).ShouldBe([4L, 5]);
        second.StreamVersion.ShouldBe(5);
        second.FirstPosition.ShouldBe(first.LastPosition + 1);
        first.Events.Select(e => e.Position).ShouldBe(Enumerable.Range(0, 3).Select(i => first.FirstPosition + i));
        first.WasReplay.ShouldBeFalse();
        (await store.GetStreamStateAsync(stream))!.Version.ShouldBe(5);
        (await store.GetHeadPositionAsync()).ShouldBeGreaterThanOrEqualTo(second.LastPosition);
    }

    [Fact]
    public async Task An_appended_event_reads_back_with_its_data_metadata_and_recorded_time()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        var written = new NewEvent(Guid.NewGuid(), "TreatySigned", """{"place":"Tashkent","on":"1992-05-15"}""",
            new EventMetadata("editor@example.org", "corr-1", "cause-1", "initial import"));

        var result = await store.AppendAsync(stream, ExpectedVersion.Any, [written]);
        var read = await store.ReadEventAsync(written.EventId);

        read.ShouldNotBeNull();
        read.Position.ShouldBe(result.FirstPosition);
        read.StreamId.ShouldBe(stream);
        read.Version.ShouldBe(1);
        read.Type.ShouldBe("TreatySigned");
        read.Data.ShouldContain("\"Tashkent\"");
        read.Metadata.ShouldBe(written.Metadata);
        read.RecordedAt.ShouldBe(result.Events[0].RecordedAt);
        (await store.ReadEventAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Fact]
    public async Task Recorded_time_never_decreases_along_positions()
    {
        await using var store = db.CreateStore();
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(2))));

        var events = results.SelectMany(r => r.Events).OrderBy(e => e.Position).ToList();
        for (var i = 1; i < events.Count; i++)
            events[i].RecordedAt.ShouldBeGreaterThanOrEqualTo(events[i - 1].RecordedAt);
    }

    [Fact]
    public async Task No_stream_expected_on_an_existing_stream_is_a_conflict_and_writes_nothing()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(2));
        var head = await store.GetHeadPositionAsync();

        var conflict = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(1)));

        conflict.StreamId.ShouldBe(stream);
        conflict.ActualVersion.ShouldBe(2);
        (await store.GetHeadPositionAsync()).ShouldBe(head);
        (await store.ReadStreamAsync(stream).ToListAsync()).Count.ShouldBe(2);
    }

    [Fact]
    public async Task An_exact_expected_version_behind_the_stream_is_a_conflict()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(3));

        var conflict = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => store.AppendAsync(stream, ExpectedVersion.Exact(2), TestEvents.Many(1)));
        conflict.ActualVersion.ShouldBe(3);

        var missing = await Should.ThrowAsync<WrongExpectedVersionException>(
            () => store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Exact(1), TestEvents.Many(1)));
        missing.ActualVersion.ShouldBe(0);
    }

    [Fact]
    public async Task A_unique_violation_on_stream_and_version_surfaces_as_a_version_conflict()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(1));
        // A row written around the store, at the version the next append will take.
        await db.ExecuteAsync($$"""
            INSERT INTO {{db.Schema}}.es_events (position, stream_id, version, event_id, type, data, metadata, recorded_at)
            VALUES (-1, '{{stream}}', 2, gen_random_uuid(), 'Sneaky', '{}', '{}', now())
            """);

        await Should.ThrowAsync<WrongExpectedVersionException>(
            () => store.AppendAsync(stream, ExpectedVersion.Exact(1), TestEvents.Many(1)));
        await db.ExecuteAsync($"DELETE FROM {db.Schema}.es_events WHERE position = -1");
    }

    [Fact]
    public async Task Appending_nothing_is_refused()
    {
        await using var store = db.CreateStore();
        await Should.ThrowAsync<ArgumentException>(() => store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, []));
    }
}
