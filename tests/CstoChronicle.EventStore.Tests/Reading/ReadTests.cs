using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Reading;

public sealed class ReadTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task Reading_a_stream_from_a_version_returns_the_rest_in_version_order()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(2));
        await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(1));
        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(3));

        var fromThree = await store.ReadStreamAsync(stream, fromVersion: 3).ToListAsync();

        fromThree.Select(e => e.Version).ShouldBe([3L, 4, 5]);
        fromThree.ShouldAllBe(e => e.StreamId == stream);
        (await store.ReadStreamAsync(TestEvents.StreamId()).ToListAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reading_all_filters_by_type_and_stream_prefix_after_a_position_with_a_limit()
    {
        await using var store = db.CreateStore();
        var head = await store.GetHeadPositionAsync();
        var prefix = $"org-{Guid.NewGuid():N}"[..12];
        await store.AppendAsync($"{prefix}-a", ExpectedVersion.Any, [TestEvents.New("Joined"), TestEvents.New("Left")]);
        await store.AppendAsync($"other-{prefix}", ExpectedVersion.Any, [TestEvents.New("Joined")]);
        await store.AppendAsync($"{prefix}-b", ExpectedVersion.Any, [TestEvents.New("Joined"), TestEvents.New("Renamed")]);

        var all = await store.ReadAllAsync(head, ReadAllFilter.None).ToListAsync();
        var joined = await store.ReadAllAsync(head, new ReadAllFilter(EventTypes: ["Joined"])).ToListAsync();
        var byPrefix = await store.ReadAllAsync(head, new ReadAllFilter(StreamIdPrefix: prefix)).ToListAsync();
        var both = await store.ReadAllAsync(head, new ReadAllFilter(["Joined", "Renamed"], prefix)).ToListAsync();
        var limited = await store.ReadAllAsync(head, ReadAllFilter.None, limit: 2).ToListAsync();
        var afterSecond = await store.ReadAllAsync(head + 2, ReadAllFilter.None).ToListAsync();

        all.Select(e => e.Position).ShouldBe(Enumerable.Range(1, 5).Select(i => head + i));
        joined.Count.ShouldBe(3);
        byPrefix.Select(e => e.StreamId).ShouldBe([$"{prefix}-a", $"{prefix}-a", $"{prefix}-b", $"{prefix}-b"]);
        both.Select(e => e.Type).ShouldBe(["Joined", "Joined", "Renamed"]);
        limited.Select(e => e.Position).ShouldBe([head + 1, head + 2]);
        afterSecond.First().Position.ShouldBe(head + 3);
    }

    [Fact]
    public async Task A_stream_prefix_is_matched_literally_not_as_a_pattern()
    {
        await using var store = db.CreateStore();
        var head = await store.GetHeadPositionAsync();
        await store.AppendAsync("x_literal-1", ExpectedVersion.Any, TestEvents.Many(1));
        await store.AppendAsync("xyliteral-1", ExpectedVersion.Any, TestEvents.Many(1));

        var matched = await store.ReadAllAsync(head, new ReadAllFilter(StreamIdPrefix: "x_")).ToListAsync();

        matched.ShouldHaveSingleItem().StreamId.ShouldBe("x_literal-1");
    }

    [Fact]
    public async Task Stream_state_tracks_version_and_times()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        (await store.GetStreamStateAsync(stream)).ShouldBeNull();

        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(1));
        var created = (await store.GetStreamStateAsync(stream))!;
        await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(2));
        var updated = (await store.GetStreamStateAsync(stream))!;

        created.Version.ShouldBe(1);
        updated.Version.ShouldBe(3);
        updated.CreatedAt.ShouldBe(created.CreatedAt);
        updated.UpdatedAt.ShouldBeGreaterThan(created.UpdatedAt);
    }
}
