using System.Diagnostics;
using CstoChronicle.Bench.Http;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Synthetic;
using CstoChronicle.Domain;
using CstoChronicle.Bench.Baselines;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries.Settled;
using CstoChronicle.Domain.Store;
using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>
/// Issue 3's figures: point-in-time queries through the chronicle's read side beside the raw indexed SELECT of the
/// same projection rows, first on the real dataset alone, then with a million synthetic events on top. The loaded
/// schema stays for the HTTP suite.
/// </summary>
public sealed class QuerySuite(NpgsqlDataSource dataSource, BenchOptions options, BenchmarkReport report)
{
    public const string Schema = "bench_chronicle";
    private const string Section = "Point-in-time queries";
    private const string LoadSection = "Loading and rebuilding the log (Marten)";
    private const string RawSchema = "bench_raw_load";

    /// <summary>Figures of the previous report (docs/benchmarks.md of 2026-11-29, the hand-written store) for "no slower than today".</summary>
    private static readonly (double PerSecond, double P50, double Ratio) PreviousMembers = (4_957, 5.219, 0.43), PreviousTimeline = (708, 69.831, 0.77);

    public async Task RunAsync()
    {
        await using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE; DROP SCHEMA IF EXISTS {RawSchema} CASCADE"))
            await drop.ExecuteNonQueryAsync();
        await using var chronicle = await ChronicleModule.CreateAsync(dataSource, new ChronicleStoreSettings { Schema = Schema }, TimeProvider.System);
        var imported = await chronicle.Importer.ImportIfEmptyAsync(DatasetLocator.Find());
        Console.Error.WriteLine($"  dataset imported: {imported}");

        var small = await CountEventsAsync();
        var membersSmall = await MeasureMembersAsync(chronicle, $"members as of a random day ({small:N0} events: the dataset)");

        var load = await MeasureLoadAsync(chronicle);
        var large = await CountEventsAsync();
        await SettleAsync();
        var rebuild = await MeasureRebuildAsync(chronicle, large);
        await SettleAsync();
        var martenRebuild = await MeasureMartenRebuildAsync(large);

        var membersLarge = await MeasureMembersAsync(chronicle, $"members as of a random day ({large:N0} events, after the rebuild)");
        await MeasureMembersViewAsync(chronicle, large);
        var timeline = await MeasureTimelineAsync(chronicle, large);

        report.AddNote("Query cost against the size of the log",
            $"Members as of a day, p50 {membersSmall.Measured.P50:0.###} ms with {small:N0} events and {membersLarge.Measured.P50:0.###} ms with {large:N0} " +
            $"(p99 {membersSmall.Measured.P99:0.###} and {membersLarge.Measured.P99:0.###} ms): the query reads the membership claims, not the log. " +
            $"Against the previous report (2026-11-29, the hand-written store, 1,000,283 events): members {PreviousMembers.PerSecond:N0} queries/s, " +
            $"p50 {PreviousMembers.P50} ms, ratio {PreviousMembers.Ratio:0.00}, now {membersLarge.Measured.UnitsPerSecond:N0} queries/s, p50 " +
            $"{membersLarge.Measured.P50:0.###} ms, ratio {membersLarge.Ratio:0.00}; timeline {PreviousTimeline.PerSecond:N0} queries/s, p50 " +
            $"{PreviousTimeline.P50} ms, ratio {PreviousTimeline.Ratio:0.00}, now {timeline.Measured.UnitsPerSecond:N0} queries/s, p50 " +
            $"{timeline.Measured.P50:0.###} ms, ratio {timeline.Ratio:0.00}. Absolute figures move with the machine's load; the ratio to the raw " +
            $"SELECT of the same run is the fairer comparison: {Verdict(membersLarge.Ratio, PreviousMembers.Ratio)} for members, " +
            $"{Verdict(timeline.Ratio, PreviousTimeline.Ratio)} for the timeline.");
        report.AddNote("Targets of issue 10",
            $"- single-event appends with {options.Clients} clients: at least 0.3x an autocommitted INSERT (see the event store table).\n" +
            $"- batches of {options.BatchSize} events: at least 0.5x binary COPY (see the event store table).\n" +
            $"- loading {options.SyntheticEvents:N0} synthetic events through the store with the inline projection: at least 10,000 events/s; " +
            $"measured {load.Summary.UnitsPerSecond:N0} events/s ({(load.Summary.UnitsPerSecond >= 10_000 ? "met" : "NOT met")}).\n" +
            $"- projection rebuild from zero: at least 50,000 events/s; measured {rebuild.Summary.UnitsPerSecond:N0} events/s " +
            $"({(rebuild.Summary.UnitsPerSecond >= 50_000 ? "met" : "NOT met")}).\n" +
            $"- members-as-of and timeline at {large:N0} events no slower than the previous report: members {Verdict(membersLarge.Ratio, PreviousMembers.Ratio)}, " +
            $"timeline {Verdict(timeline.Ratio, PreviousTimeline.Ratio)} as database queries (ratios to raw SQL, above); at a settled position the API " +
            "answers members from the view kept by position and timeline pages from the index held in memory, each with its own row above " +
            "(decisions 0104, 0108).");
        report.AddNote(LoadAndRebuildTime.Title, LoadAndRebuildTime.Explain(load.Summary, load.Cpu, rebuild.Summary, rebuild.Cpu, martenRebuild.Summary, martenRebuild.Cpu));
    }

    private static string Verdict(double now, double before) =>
        now >= before * 0.9 ? $"no slower ({now:0.00} against {before:0.00})" : $"SLOWER ({now:0.00} against {before:0.00})";

    private async Task<long> CountEventsAsync()
    {
        await using var command = dataSource.CreateCommand($"SELECT count(*) FROM {Schema}.mt_events WHERE stream_id <> '{JasperFx.Events.Tombstone.StreamKey}'");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// The synthetic history through Marten with the inline projection, in sessions of many events per SaveChanges; the
    /// baseline is binary COPY of as many rows per COPY into a plain table (a sample of the same size or at most 200,000 rows).
    /// </summary>
    private async Task<Measured> MeasureLoadAsync(Chronicle chronicle)
    {
        var raw = new RawEventsTable(dataSource, RawSchema);
        await raw.CreateAsync();
        var sample = Math.Min(options.SyntheticEvents, 200_000);
        var meter = await CpuMeter.CreateAsync(dataSource);
        var baseline = new LatencyRecorder();
        var baselineStarted = meter.Now();
        baseline.Start();
        for (var done = 0; done < sample; done += options.SyntheticSession)
        {
            var count = Math.Min(options.SyntheticSession, sample - done);
            var batch = Enumerable.Range(0, count).Select(i => BenchEvent.Create($"load-{(done + i) / SyntheticStream}", done + i + 1)).ToArray();
            await baseline.TimeAsync(() => raw.CopyAsync(batch));
        }
        baseline.Stop();
        var baselineCpu = meter.Now() - baselineStarted;
        await using (var drop = dataSource.CreateCommand($"DROP SCHEMA {RawSchema} CASCADE"))
            await drop.ExecuteNonQueryAsync();
        await SettleAsync();

        var measured = new LatencyRecorder();
        var clock = Stopwatch.StartNew();
        var started = meter.Now();
        measured.Start();
        await SyntheticHistory.AppendAsync(chronicle.Store, options.SyntheticEvents, options.SyntheticSession, SyntheticStream,
            n => { if (n % 100_000 == 0) Console.Error.WriteLine($"  synthetic events: {n:N0} ({clock.Elapsed.TotalSeconds:0}s)"); },
            measured.TimeAsync);
        measured.Stop();
        var cpu = meter.Now() - started;
        Console.Error.WriteLine($"  load CPU per event: {cpu.PerEvent(options.SyntheticEvents)}");
        var summary = measured.Summarise(options.SyntheticEvents);
        report.Add(LoadSection,
            $"The synthetic history ({options.SyntheticEvents:N0} events: sessions, decisions, exercises, figures of synthetic bodies) appended " +
            $"through Marten as the service configures it, as an importer would: {options.SyntheticSession:N0} events per session and SaveChanges, " +
            $"new streams of {SyntheticStream} events, the chronicle projection inline (p50/p99 are per SaveChanges). Each event gets the id " +
            "ChronicleWriter gives one (UUIDv7, time-ordered), not Marten's random one: every index on event ids then grows at its end " +
            "(runs before 2026-12-05 used random ids; at 200,000 events PostgreSQL spent 42 µs per event on the load with them time-ordered, " +
            "56 with them random). The chronicle projection writes " +
            "three rows for each synthetic event (the log, the timeline, the citation), queued on Marten's unit of work (`QueueSqlCommand`) as one " +
            "`INSERT ... SELECT FROM unnest(...)` per table and SaveChanges (`PendingRows`). The rebuild empties the chronicle tables, drops their " +
            "indexes and keys except `chr_log`'s (decisions 0007 and 0009) and replays the whole log through Marten's daemon (`ProjectionRebuild.RunAsync`, " +
            "`BuildProjectionDaemonAsync().RebuildProjectionAsync`, pages of Marten's default 500 events), then builds them again; the " +
            "row's time includes that build. The extra row rebuilds, the same way over the same log, a projection that writes nothing: " +
            "Marten's daemon alone. Before each timed run the database is vacuumed and checkpointed (untimed), so that a run's CPU figures are its " +
            "own and a rebuild starts on a store at rest, as it would in service.",
            new Comparison($"load {options.SyntheticEvents:N0} events, inline projection", "events", summary, baseline.Summarise(sample),
                $"binary COPY of {options.SyntheticSession:N0} rows at a time ({sample:N0} rows)", Target: null));
        report.AddCpu(LoadSection, $"load, inline projection; baseline: binary COPY of {options.SyntheticSession:N0} rows at a time",
            options.SyntheticEvents, cpu, sample, baselineCpu);
        return new(summary, cpu);
    }

    /// <summary>The chronicle projection rebuilt from zero through Marten's daemon, beside one raw SELECT of every event row.</summary>
    private Task<Measured> MeasureRebuildAsync(Chronicle chronicle, long events) =>
        MeasureReplayAsync(events, "rebuild", $"projection rebuild from zero through Marten's daemon ({events:N0} events)",
            "projection rebuild through Marten's daemon; baseline: one raw SELECT of every event row",
            () => ProjectionRebuild.RunAsync(chronicle.Store, dataSource, Schema));

    /// <summary>Marten's daemon alone: a projection that writes nothing rebuilt from zero over the same log, beside the same raw SELECT.</summary>
    private async Task<Measured> MeasureMartenRebuildAsync(long events)
    {
        var options = EventStoreSuite.MartenAlone(dataSource, Schema, EventAppendMode.Rich);
        options.AutoCreateSchemaObjects = AutoCreate.None;
        options.Projections.Add(new NothingProjection(), ProjectionLifecycle.Inline, NothingProjection.Name);
        using var store = new DocumentStore(options);
        return await MeasureReplayAsync(events, "daemon-alone rebuild",
            $"extra: Marten's daemon alone, rebuilding a projection that writes nothing ({events:N0} events)",
            "extra: Marten's daemon alone (a projection that writes nothing); baseline: the same raw SELECT",
            async () =>
            {
                using var daemon = await store.BuildProjectionDaemonAsync();
                await daemon.RebuildProjectionAsync(NothingProjection.Name, TimeSpan.FromMinutes(10), CancellationToken.None);
            });
    }

    /// <summary>One replay of the whole log, timed with its CPU and reported beside one raw SELECT of every event row.</summary>
    private async Task<Measured> MeasureReplayAsync(long events, string consoleName, string name, string cpuName, Func<Task> replay)
    {
        var (baseline, rows, baselineCpu) = await MeasureRawReadAsync();
        var (measured, cpu) = await RunOnceAsync(replay);
        Console.Error.WriteLine($"  {consoleName} CPU per event: {cpu.PerEvent(events)}");
        var summary = measured.Summarise(events);
        report.Add(LoadSection, "", new Comparison(name, "events", summary, baseline,
            "one raw SELECT of every event row in order (read only, no writes)", Target: null));
        report.AddCpu(LoadSection, cpuName, events, cpu, rows, baselineCpu);
        return new(summary, cpu);
    }

    private async Task<(LatencySummary Summary, long Rows, CpuTimes Cpu)> MeasureRawReadAsync()
    {
        long rows = 0;
        var (baseline, cpu) = await RunOnceAsync(async () => rows = await ReadAllEventsAsync());
        return (baseline.Summarise(rows), rows, cpu);
    }

    /// <summary>One timed run of <paramref name="run"/>: its latency, and the CPU time this process and the server spent on it.</summary>
    private async Task<(LatencyRecorder Latency, CpuTimes Cpu)> RunOnceAsync(Func<Task> run)
    {
        var meter = await CpuMeter.CreateAsync(dataSource);
        var latency = new LatencyRecorder();
        var started = meter.Now();
        latency.Start();
        await latency.TimeAsync(run);
        latency.Stop();
        return (latency, meter.Now() - started);
    }

    /// <summary>
    /// Lets the server vacuum and write out what the last run left (VACUUM ANALYZE of the database, a checkpoint), outside any timed
    /// run, so that the next run's CPU figures are its own and a rebuild starts on a store as it would in service, long after its appends.
    /// </summary>
    private async Task SettleAsync()
    {
        foreach (var sql in (string[])["VACUUM ANALYZE", "CHECKPOINT"])
        {
            await using var command = dataSource.CreateCommand(sql);
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync();
        }
    }

    private sealed record Measured(LatencySummary Summary, CpuTimes Cpu);

    /// <summary>Reads every event and writes nothing: what a rebuild through Marten's daemon costs before any projection work.</summary>
    private sealed class NothingProjection : IProjection
    {
        public const string Name = "bench_nothing";

        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation) => Task.CompletedTask;
    }

    private async Task<long> ReadAllEventsAsync()
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT seq_id, id, stream_id, version, data::text, type, timestamp, user_name, correlation_id, headers::text FROM {Schema}.mt_events ORDER BY seq_id");
        await using var reader = await command.ExecuteReaderAsync();
        long rows = 0, checksum = 0;
        while (await reader.ReadAsync())
        {
            checksum += reader.GetInt64(0) + reader.GetString(2).Length + reader.GetString(4).Length + reader.GetString(5).Length;
            _ = reader.GetGuid(1);
            _ = reader.GetFieldValue<DateTimeOffset>(6);
            rows++;
        }
        GC.KeepAlive(checksum);
        return rows;
    }

    private const int SyntheticStream = 500;

    private const string MembershipRows = """
        SELECT event_id, written_by, position, on_text, rank, state, change
          FROM bench_chronicle.chr_membership
         WHERE recorded_at <= 'infinity' AND superseded_at IS NULL AND retracted_at IS NULL
        """;

    private async Task<Comparison> MeasureMembersAsync(Chronicle chronicle, string name)
    {
        var days = HistoryDays.Seeded(options.Queries, seed: 42);
        var (measured, baseline) = await CompareAsync(
            i => chronicle.Queries.MembersAsync(days[i]),
            _ => ReadRawAsync(MembershipRows));
        var comparison = new Comparison(name, "queries", measured, baseline, "raw SELECT of the membership claim rows", Target: null);
        report.Add(Section,
            $"{options.QueryClients} concurrent clients in process, {options.Queries:N0} queries each side. The baseline reads the same claim rows " +
            "with one raw SELECT (no snapshot transaction, no fold, no answer objects).",
            comparison);
        return comparison;
    }

    /// <summary>Members as the API answers them at a settled position: from the view kept by position (decision 0104).</summary>
    private async Task MeasureMembersViewAsync(Chronicle chronicle, long events)
    {
        var view = await chronicle.Queries.MembershipViewAsync(await chronicle.Queries.ResolveKnownAtAsync(DateTimeOffset.UtcNow));
        var days = HistoryDays.Seeded(options.Queries, seed: 42);
        var (measured, baseline) = await CompareAsync(i => Task.FromResult(view.On(days[i])), _ => ReadRawAsync(MembershipRows));
        report.Add(Section, "", new Comparison($"members as of a random day, from the view kept by position ({events:N0} events)", "queries",
            measured, baseline, "raw SELECT of the membership claim rows", Target: null));
    }

    private async Task<Comparison> MeasureTimelineAsync(Chronicle chronicle, long events)
    {
        // The same index reads as the query (docs/decisions/0103, 0106: one per class of span, the long spans through GiST),
        // without its answer objects, its knownAt filter and its optional filters.
        const string columns = "event_id, written_by, position, on_text, rank, type, stream_id, title, recorded_at, earliest, latest";
        const string current = "earliest <= $2 AND superseded_at IS NULL AND retracted_at IS NULL";
        var parts = ChronicleMigrations.TimelineSpanClasses.Select((lookback, spanClass) => $"""
            (SELECT {columns} FROM bench_chronicle.chr_timeline
              WHERE {ChronicleMigrations.TimelineSpanClass} = {spanClass} AND earliest >= $1::date - {lookback} AND latest >= $1 AND {current}
              ORDER BY earliest, latest, position LIMIT 51)
            """).Append($"""
            (SELECT {columns} FROM bench_chronicle.chr_timeline
              WHERE {ChronicleMigrations.TimelineSpanClass} = {ChronicleMigrations.TimelineSpanClasses.Count} AND earliest >= $1 AND {current}
              ORDER BY earliest, latest, position LIMIT 51)
            """).Append($"""
            (SELECT {columns} FROM bench_chronicle.chr_timeline
              WHERE {ChronicleMigrations.TimelineLongSpan} AND daterange(earliest, latest, '[]') @> $1::date AND earliest < $1 AND {current})
            """);
        var raw = $"SELECT * FROM ({string.Join(" UNION ALL ", parts)}) page ORDER BY earliest, latest, position LIMIT 51";
        var days = HistoryDays.Seeded(options.Queries, seed: 42);
        var (measured, baseline) = await CompareAsync(
            i => chronicle.Queries.TimelineAsync(days[i], days[i].AddDays(30), limit: 50),
            i => ReadRawAsync(raw, days[i], days[i].AddDays(30)));
        var comparison = new Comparison($"timeline: 50 events from a random day ({events:N0} events)", "queries", measured, baseline,
            "the same raw index reads (UNION ALL of each span class, LIMIT 51)", Target: null);
        report.Add(Section, "", comparison);
        await MeasureTimelineInMemoryAsync(chronicle, events, raw, days);
        return comparison;
    }

    /// <summary>
    /// The same pages as the API answers them at a settled position: from the timeline held in memory (decision 0108),
    /// beside the same raw index reads; with the time to load the index and the managed memory it holds.
    /// </summary>
    private async Task MeasureTimelineInMemoryAsync(Chronicle chronicle, long events, string raw, DateOnly[] days)
    {
        var head = await chronicle.Queries.ResolveKnownAtAsync(DateTimeOffset.UtcNow);
        var knownAt = DateTimeOffset.UtcNow;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var index = TimelineIndex.Build(head, await chronicle.Queries.TimelineRowsAsync(0, head));
        var loaded = clock.Elapsed;
        var heldMiB = (GC.GetTotalMemory(forceFullCollection: true) - heapBefore) / 1048576.0;
        var (measured, baseline) = await CompareAsync(
            i => Task.FromResult(index.Page(head, knownAt, days[i], days[i].AddDays(30), null, null, 50)),
            i => ReadRawAsync(raw, days[i], days[i].AddDays(30)));
        report.Add(Section, "", new Comparison($"timeline: 50 events from a random day, from the index held in memory ({events:N0} events)", "queries",
            measured, baseline, "the same raw index reads (UNION ALL of each span class, LIMIT 51)", Target: null));
        report.AddNote("The timeline held in memory",
            string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"The API answers timeline pages at a settled position from an index of every version held in memory (decision 0108). " +
                $"Built here from the {index.Count:N0} rows of chr_timeline at position {head:N0}: read and sorted in {loaded.TotalSeconds:0.0} s, " +
                $"{heldMiB:N0} MiB of managed heap ({heldMiB * 1048576 / Math.Max(1, index.Count):N0} bytes per version)."));
        GC.KeepAlive(index);
        await MeasureTimelineAdvanceAsync(chronicle, head);
    }

    /// <summary>
    /// How a node keeps up with writes (TimelineMemory after each poll): the index held at 40,000 positions before the
    /// head catches up 100 positions at a time, each step the delta query and the advance; beside it the same statement
    /// read with raw Npgsql. The managed bytes each advance allocates show what it copies; 40,000 rows added take the
    /// busiest classes past the recent runs' limit, so the merges into the held rows are in the figures.
    /// </summary>
    private async Task MeasureTimelineAdvanceAsync(Chronicle chronicle, long head)
    {
        const int step = 100, steps = 400;
        var start = Math.Max(1, head - step * steps);
        var index = TimelineIndex.Build(start, await chronicle.Queries.TimelineRowsAsync(0, start));
        var raw = $"""
            SELECT * FROM {Schema}.chr_timeline WHERE written_by IN (SELECT event_id FROM {Schema}.chr_log WHERE position > $1 AND position <= $2)
            UNION ALL
            SELECT * FROM {Schema}.chr_timeline WHERE position <= $1 AND event_id IN (SELECT target FROM {Schema}.chr_log WHERE position > $1 AND position <= $2)
            """;
        TimeSpan project = TimeSpan.Zero, advancing = TimeSpan.Zero, baseline = TimeSpan.Zero;
        long allocated = 0, rows = 0, advances = 0;
        for (var position = start; position < head; position += step)
        {
            var upTo = Math.Min(head, position + step);
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var delta = await chronicle.Queries.TimelineRowsAsync(position, upTo);
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var advanceStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            index = index.Advance(upTo, delta);
            advancing += System.Diagnostics.Stopwatch.GetElapsedTime(advanceStarted);
            allocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            project += System.Diagnostics.Stopwatch.GetElapsedTime(started);
            rows += delta.Count;
            advances++;
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            await ReadRawAsync(raw, position, upTo);
            baseline += System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        report.AddNote("The timeline held in memory", string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Keeping up with writes, as a node does after each poll: the index ({index.Count:N0} versions) caught up {advances} times by " +
            $"{step} positions ({rows / (double)advances:N0} rows each): {project.TotalMilliseconds / advances:0.00} ms per step (the delta query and " +
            $"the advance), beside {baseline.TotalMilliseconds / advances:0.00} ms for the same statement read with raw Npgsql " +
            $"({baseline / project:0.00}x). The advance alone: {advancing.TotalMicroseconds / advances:N0} µs and " +
            $"{allocated / 1024.0 / advances:N0} KiB allocated per step (the rows added to each span class are kept in a run of their own " +
            $"until it passes {TimelineIndex.DefaultRecentLimit:N0} rows, then merged into the class's held rows, counted here; before, every " +
            $"advance copied each class it added to: 65 ms and 7.6 MiB per step on 2026-12-05)."));
    }

    private Task<(LatencySummary Measured, LatencySummary Baseline)> CompareAsync(Func<int, Task> project, Func<int, Task> rawQuery) =>
        ConcurrentLoad.CompareAsync(options.QueryClients, options.Queries, project, rawQuery);

    private async Task ReadRawAsync(string sql, params object[] values)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            for (var c = 0; c < reader.FieldCount; c++) _ = reader.GetValue(c);
    }
}
