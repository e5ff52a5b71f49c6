using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Appending;

public sealed class ConcurrencyTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    [Fact]
    public async Task Parallel_writers_to_one_stream_each_version_is_won_by_exactly_one()
    {
        const int writers = 8, rounds = 15;
        await using var store = db.CreateStore();
        var stream = TestEvents.StreamId();

        for (var version = 1; version <= rounds; version++)
        {
            var expected = version == 1 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(version - 1);
            using var start = new ManualResetEventSlim();
            var attempts = Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
            {
                start.Wait();
                try
                {
                    return (Won: await store.AppendAsync(stream, expected, TestEvents.Many(1)), Lost: (WrongExpectedVersionException?)null);
                }
                catch (WrongExpectedVersionException e)
                {
                    return (Won: (AppendResult?)null, Lost: e);
                }
            })).ToList();
            start.Set();
            var outcomes = await Task.WhenAll(attempts);

            var winner = outcomes.Where(o => o.Won is not null).ShouldHaveSingleItem().Won!;
            winner.StreamVersion.ShouldBe(version);
            var losers = outcomes.Where(o => o.Lost is not null).Select(o => o.Lost!).ToList();
            losers.Count.ShouldBe(writers - 1);
            losers.ShouldAllBe(e => e.ActualVersion == version);
        }

        var events = await store.ReadStreamAsync(stream).ToListAsync();
        events.Select(e => e.Version).ShouldBe(Enumerable.Range(1, rounds).Select(v => (long)v));
    }

    [Fact]
    public async Task Parallel_writers_to_many_streams_every_acknowledged_event_is_stored_once_at_a_gapless_position()
    {
        const int writers = 8, appendsPerWriter = 40, streams = 12;
        await using var store = db.CreateStore();
        var streamIds = Enumerable.Range(0, streams).Select(_ => TestEvents.StreamId("many")).ToArray();
        var headBefore = await store.GetHeadPositionAsync();

        var acknowledged = await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            var random = new Random(w);
            var results = new List<AppendResult>();
            for (var i = 0; i < appendsPerWriter; i++)
            {
                var stream = streamIds[random.Next(streams)];
                results.Add(await store.AppendAsync(stream, ExpectedVersion.Any, TestEvents.Many(1 + random.Next(3))));
            }
            return results;
        })));

        var acked = acknowledged.SelectMany(r => r).SelectMany(r => r.Events).ToList();
        var stored = await store.ReadAllAsync(headBefore, ReadAllFilter.None, limit: 100_000).ToListAsync();

        stored.Count.ShouldBe(acked.Count);
        stored.Select(e => e.Position).ShouldBe(Enumerable.Range(1, acked.Count).Select(i => headBefore + i));
        stored.Select(e => e.EventId).Distinct().Count().ShouldBe(acked.Count);
        var storedById = stored.ToDictionary(e => e.EventId);
        foreach (var e in acked)
            (storedById[e.EventId].Position, storedById[e.EventId].StreamId, storedById[e.EventId].Version)
                .ShouldBe((e.Position, e.StreamId, e.Version));
        foreach (var group in stored.GroupBy(e => e.StreamId))
            group.Select(e => e.Version).ShouldBe(Enumerable.Range(1, group.Count()).Select(v => (long)v));
        (await store.GetHeadPositionAsync()).ShouldBe(headBefore + acked.Count);
    }
}
