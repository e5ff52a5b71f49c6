using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Appending;

public sealed class RollbackTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task An_append_rolled_back_after_taking_positions_leaves_no_gap()
    {
        await using var store = db.CreateStore(new ThrowingProjection());
        var before = await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(1));

        await Should.ThrowAsync<InvalidOperationException>(
            () => store.AppendAsync(TestEvents.StreamId("fail"), ExpectedVersion.Any, TestEvents.Many(3)));
        var after = await store.AppendAsync(TestEvents.StreamId(), ExpectedVersion.Any, TestEvents.Many(1));

        after.FirstPosition.ShouldBe(before.LastPosition + 1);
        var all = await store.ReadAllAsync(before.LastPosition - 1, ReadAllFilter.None).ToListAsync();
        all.Select(e => e.Position).ShouldBe([before.LastPosition, after.FirstPosition]);
    }

    [Fact]
    public async Task A_version_conflict_leaves_no_gap()
    {
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();
        var first = await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(1));

        await Should.ThrowAsync<WrongExpectedVersionException>(
            () => store.AppendAsync(stream, ExpectedVersion.NoStream, TestEvents.Many(2)));
        var next = await store.AppendAsync(stream, ExpectedVersion.Exact(1), TestEvents.Many(1));

        next.FirstPosition.ShouldBe(first.LastPosition + 1);
    }

    [Fact]
    public async Task An_inline_projection_writes_in_the_append_transaction()
    {
        await StreamCountProjection.CreateTableAsync(db, "rollback_counts");
        var counts = new StreamCountProjection("rollback_counts");
        await using var store = db.CreateStore(counts, new ThrowingProjection());
        var kept = TestEvents.StreamId();
        var failed = TestEvents.StreamId("fail");

        await store.AppendAsync(kept, ExpectedVersion.Any, [TestEvents.New("A"), TestEvents.New("B")]);
        await Should.ThrowAsync<InvalidOperationException>(() => store.AppendAsync(failed, ExpectedVersion.Any, TestEvents.Many(1)));

        var rows = await StreamCountProjection.ReadTableAsync(db, "rollback_counts");
        rows.ShouldHaveSingleItem().ShouldBe((kept, 2L, "B", rows[0].LastPosition));
        (await db.CreateStore().GetStreamStateAsync(failed)).ShouldBeNull();
    }
}
