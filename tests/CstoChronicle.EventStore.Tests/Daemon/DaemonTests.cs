using CstoChronicle.EventStore.Daemon;
using CstoChronicle.EventStore.Tests.Infrastructure;
using Npgsql;

namespace CstoChronicle.EventStore.Tests.Daemon;

/// <summary>
/// The log of this class's schema is shared by its tests, so each test projects its own event
/// types into its own table and counts exactly what it applied.
/// </summary>
public sealed class DaemonTests(PostgresSchemaFixture db) : IClassFixture<PostgresSchemaFixture>
{
    private static string UniqueType(string name) => $"{name}{Guid.NewGuid():N}";

    private static async Task<List<AppendResult>> AppendAsync(IEventStore store, string type, int events, string[] streams)
    {
        var results = new List<AppendResult>();
        for (var i = 0; i < events; i++)
            results.Add(await store.AppendAsync(streams[i % streams.Length], ExpectedVersion.Any, [TestEvents.New(type)]));
        return results;
    }

    [Fact]
    public async Task A_restarted_daemon_resumes_at_its_checkpoint_without_reprocessing_or_skipping()
    {
        const string table = "resume_counts";
        await StreamCountProjection.CreateTableAsync(db, table);
        var type = UniqueType("Resume");
        var streams = new[] { TestEvents.StreamId(), TestEvents.StreamId(), TestEvents.StreamId() };
        await using var store = db.CreateStore();

        var firstRun = await AppendAsync(store, type, 10, streams);
        var first = new StreamCountProjection(table, [type]);
        await using (var daemon = RunningDaemon.Start(db, first))
            await daemon.WaitForCheckpointAsync(table, firstRun[^1].LastPosition);

        var secondRun = await AppendAsync(store, type, 5, streams);
        var second = new StreamCountProjection(table, [type]);
        await using (var daemon = RunningDaemon.Start(db, second))
            await daemon.WaitForCheckpointAsync(table, secondRun[^1].LastPosition);

        first.AppliedPositions.ShouldBe(firstRun.Select(r => r.FirstPosition));
        second.AppliedPositions.ShouldBe(secondRun.Select(r => r.FirstPosition));
        var rows = await StreamCountProjection.ReadTableAsync(db, table);
        rows.Sum(r => r.Events).ShouldBe(15);
        rows.Select(r => (r.Stream, r.Events)).ShouldBe(
            firstRun.Concat(secondRun).GroupBy(r => r.StreamId).Select(g => (g.Key, (long)g.Count())), ignoreOrder: true);
    }

    [Fact]
    public async Task A_rebuild_gives_the_same_table_as_the_inline_path()
    {
        const string table = "rebuild_counts";
        await StreamCountProjection.CreateTableAsync(db, table);
        string[] types = [UniqueType("Opened"), UniqueType("Renamed")];
        await using var store = db.CreateStore(new StreamCountProjection(table, types));
        var streams = Enumerable.Range(0, 4).Select(_ => TestEvents.StreamId()).ToArray();
        for (var i = 0; i < 30; i++)
            await store.AppendAsync(streams[i % 4], ExpectedVersion.Any, [TestEvents.New(types[i % 3 == 0 ? 0 : 1]), TestEvents.New("Ignored")]);
        var inline = await StreamCountProjection.ReadTableAsync(db, table);
        await db.ExecuteAsync($"UPDATE {{schema}}.{table} SET events = 0; DELETE FROM {{schema}}.{table} WHERE stream_id = '{streams[0]}'");

        var daemon = new ProjectionDaemon(db.DataSource, db.Options, [new StreamCountProjection(table, types)], RunningDaemon.FastOptions);
        await daemon.RebuildAsync(table);

        (await StreamCountProjection.ReadTableAsync(db, table)).ShouldBe(inline);
        (await daemon.GetCheckpointAsync(table)).ShouldBe(await store.GetHeadPositionAsync());
    }

    [Fact]
    public async Task A_filtered_projection_moves_its_checkpoint_past_events_it_does_not_read()
    {
        const string table = "filtered_counts";
        await StreamCountProjection.CreateTableAsync(db, table);
        var projection = new StreamCountProjection(table, [UniqueType("Never")]);
        await using var store = db.CreateStore();
        await AppendAsync(store, "Other", 9, [TestEvents.StreamId()]);
        var head = await store.GetHeadPositionAsync();

        await using var daemon = RunningDaemon.Start(db, projection);
        await daemon.WaitForCheckpointAsync(table, head);

        projection.Applied.ShouldBe(0);
    }

    [Fact]
    public async Task Of_two_daemons_only_one_projects_and_the_other_takes_over_when_it_stops()
    {
        const string table = "leader_counts";
        await StreamCountProjection.CreateTableAsync(db, table);
        var type = UniqueType("Led");
        var stream = TestEvents.StreamId();
        await using var store = db.CreateStore();
        var onA = new StreamCountProjection(table, [type]);
        var onB = new StreamCountProjection(table, [type]);

        await using var a = RunningDaemon.Start(db, onA);
        await a.WaitUntilLeaderAsync();
        await using var b = RunningDaemon.Start(db, onB);
        var whileALeads = await AppendAsync(store, type, 5, [stream]);
        await a.WaitForCheckpointAsync(table, whileALeads[^1].LastPosition);

        onA.Applied.ShouldBe(5);
        onB.Applied.ShouldBe(0);
        b.Daemon.IsLeader.ShouldBeFalse();

        await a.StopAsync();
        await b.WaitUntilLeaderAsync();
        var whileBLeads = await AppendAsync(store, type, 3, [stream]);
        await b.WaitForCheckpointAsync(table, whileBLeads[^1].LastPosition);

        onA.Applied.ShouldBe(5);
        onB.AppliedPositions.ShouldBe(whileBLeads.Select(r => r.FirstPosition));
        (await StreamCountProjection.ReadTableAsync(db, table)).ShouldHaveSingleItem().Events.ShouldBe(8);
    }

    [Fact]
    public async Task When_the_leaders_lock_connection_dies_a_standby_takes_over()
    {
        const string table = "failover_counts";
        await StreamCountProjection.CreateTableAsync(db, table);
        var type = UniqueType("Failover");
        await using var store = db.CreateStore();
        var onA = new StreamCountProjection(table, [type]);
        var onB = new StreamCountProjection(table, [type]);
        // A, once it has lost the lock, waits far longer than the test before it tries again, as a dead process would.
        await using var a = RunningDaemon.Start(db, RunningDaemon.FastOptions with { LeadershipRetryInterval = TimeSpan.FromHours(1) }, onA);
        await a.WaitUntilLeaderAsync();
        await using var b = RunningDaemon.Start(db, onB);

        await db.ExecuteAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = '{DaemonLease.ApplicationName(db.Schema)}' AND pid <> pg_backend_pid()");
        await b.WaitUntilLeaderAsync();
        await Eventually.HoldsAsync(() => !a.Daemon.IsLeader, "the old leader to notice it lost the lock");
        var appended = await AppendAsync(store, type, 4, [TestEvents.StreamId()]);
        await b.WaitForCheckpointAsync(table, appended[^1].LastPosition);

        onB.Applied.ShouldBe(4);
        (await StreamCountProjection.ReadTableAsync(db, table)).ShouldHaveSingleItem().Events.ShouldBe(4);
    }

    [Fact]
    public async Task A_failing_projection_does_not_hold_up_the_others_and_resumes_where_it_failed()
    {
        const string table = "healthy_counts";
        await StreamCountProjection.CreateTableAsync(db, table);
        var type = UniqueType("Mixed");
        var healthy = new StreamCountProjection(table, [type]);
        var flaky = new FlakyProjection("flaky", [type]);
        await using var store = db.CreateStore();
        await using var daemon = RunningDaemon.Start(db, healthy, flaky);
        var appended = await AppendAsync(store, type, 6, [TestEvents.StreamId()]);

        await daemon.WaitForCheckpointAsync(table, appended[^1].LastPosition);
        await Eventually.HoldsAsync(() => daemon.Daemon.Failures.ContainsKey("flaky"), "the failure to be reported");
        (await daemon.Daemon.GetCheckpointAsync("flaky")).ShouldBeLessThan(appended[0].FirstPosition);

        flaky.Failing = false;
        await daemon.WaitForCheckpointAsync("flaky", appended[^1].LastPosition);

        flaky.Applied.ShouldBe(6);
        healthy.Applied.ShouldBe(6);
        await Eventually.HoldsAsync(() => daemon.Daemon.Failures.Count == 0, "the failure to be cleared");
    }

    [Fact]
    public async Task A_lease_name_is_passed_to_PostgreSQL_as_a_value_so_a_quote_in_it_is_harmless()
    {
        const string leaseName = "o'lease";
        await using var daemon = RunningDaemon.Start(db, RunningDaemon.FastOptions with { LeaseName = leaseName });

        await daemon.WaitUntilLeaderAsync();

        await using var command = db.DataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = DaemonLease.ApplicationName(db.Schema, leaseName) });
        ((long)(await command.ExecuteScalarAsync())!).ShouldBe(1);
    }
}
