using CstoChronicle.Bench.Baselines;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Domain.Store;
using CstoChronicle.EventStore.Daemon;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>Issue 2's figures: appends (single, batch), read-all and daemon rebuild, each beside raw Npgsql.</summary>
public sealed class EventStoreSuite(NpgsqlDataSource dataSource, BenchOptions options, BenchmarkReport report)
{
    private const string Section = "Event store";
    private const string Schema = "bench_store";
    private const string RawSchema = "bench_raw";

    public async Task RunAsync()
    {
        await ResetSchemasAsync();
        var raw = new RawEventsTable(dataSource, RawSchema);
        await raw.CreateAsync();
        var storeOptions = new EventStoreOptions { Schema = Schema };
        await using var store = new PostgresEventStore(dataSource, storeOptions, []);
        await store.MigrateAsync();

        await MeasureSingleAppendsAsync(store, raw);
        await MeasureBatchAppendsAsync(store, raw);
        var readAll = await MeasureReadAllAsync(store, raw);
        await MeasureRebuildAsync(storeOptions, readAll);
    }

    private async Task MeasureSingleAppendsAsync(PostgresEventStore store, RawEventsTable raw)
    {
        // Warm both paths (prepared statements, pool) so the first measured write is not a cold one.
        for (var i = 0; i < 50; i++)
        {
            await raw.InsertOneAsync(BenchEvent.Create($"warm-{i}", 1));
            await store.AppendAsync($"warm-{i}", ExpectedVersion.NoStream, [ToNewEvent(BenchEvent.Create($"warm-{i}", 1))]);
        }

        var baseline = new LatencyRecorder();
        var measured = new LatencyRecorder();
        var n = options.SingleAppends;
        // Interleave in blocks so both sides see the same machine state.
        for (var block = 0; block < 10; block++)
        {
            var from = block * n / 10;
            var to = (block + 1) * n / 10;
            baseline.Start();
            for (var i = from; i < to; i++)
            {
                var e = BenchEvent.Create($"single-{i}", 1);
                await baseline.TimeAsync(() => raw.InsertOneAsync(e));
            }
            baseline.Stop();
            measured.Start();
            for (var i = from; i < to; i++)
            {
                var e = ToNewEvent(BenchEvent.Create($"single-{i}", 1));
                await measured.TimeAsync(() => store.AppendAsync($"single-{i}", ExpectedVersion.NoStream, [e]));
            }
            measured.Stop();
        }
        report.Add(Section, "Sequential, one client. Appends run the store's full path: position lock, expected-version and idempotency checks, notification.",
            new Comparison("single-event append (new stream, expected no stream)", "events", measured.Summarise(n), baseline.Summarise(n),
                "autocommitted single-row INSERT", Target: 0.5));
    }

    private async Task MeasureBatchAppendsAsync(PostgresEventStore store, RawEventsTable raw)
    {
        var size = options.BatchSize;
        var baseline = new LatencyRecorder();
        var measured = new LatencyRecorder();
        for (var block = 0; block < 10; block++)
        {
            var from = block * options.Batches / 10;
            var to = (block + 1) * options.Batches / 10;
            baseline.Start();
            for (var b = from; b < to; b++)
            {
                var batch = Enumerable.Range(1, size).Select(v => BenchEvent.Create($"batch-{b}", v)).ToArray();
                await baseline.TimeAsync(() => raw.CopyAsync(batch));
            }
            baseline.Stop();
            measured.Start();
            for (var b = from; b < to; b++)
            {
                var batch = Enumerable.Range(1, size).Select(v => ToNewEvent(BenchEvent.Create($"batch-{b}", v))).ToArray();
                var stream = $"batch-{b}";
                await measured.TimeAsync(() => store.AppendAsync(stream, ExpectedVersion.NoStream, batch));
            }
            measured.Stop();
        }
        long events = (long)size * options.Batches;
        report.Add(Section, "",
            new Comparison($"batch append ({size} events to one stream)", "events", measured.Summarise(events), baseline.Summarise(events),
                $"binary COPY of {size} rows", Target: 0.5));
    }

    private const int ReadRepeats = 5;

    private async Task<LatencySummary> MeasureReadAllAsync(PostgresEventStore store, RawEventsTable raw)
    {
        var baseline = new LatencyRecorder();
        var measured = new LatencyRecorder();
        long rawRows = 0, rows = 0;
        // Alternate the two readers so both see the same cache state; every run reads the whole log.
        for (var run = 0; run < ReadRepeats; run++)
        {
            baseline.Start();
            await baseline.TimeAsync(async () => rawRows += await raw.ReadAllAsync());
            baseline.Stop();
            measured.Start();
            await measured.TimeAsync(async () => rows += await ReadWholeLogAsync(store));
            measured.Stop();
        }
        var baselineSummary = baseline.Summarise(rawRows);
        report.Add(Section, "", new Comparison($"read all ({rows / ReadRepeats:N0} events, pages of 5,000; {ReadRepeats} runs)", "events",
            measured.Summarise(rows), baselineSummary, "one raw SELECT ... ORDER BY position", Target: null));
        return baselineSummary;
    }

    private static async Task<long> ReadWholeLogAsync(PostgresEventStore store)
    {
        long after = 0, rows = 0;
        while (true)
        {
            var page = 0;
            await foreach (var e in store.ReadAllAsync(after, ReadAllFilter.None, 5000))
            {
                after = e.Position;
                page++;
            }
            rows += page;
            if (page < 5000) return rows;
        }
    }

    private async Task MeasureRebuildAsync(EventStoreOptions storeOptions, LatencySummary rawRead)
    {
        await using (var create = dataSource.CreateCommand(StreamCountProjection.CreateTableSql(Schema)))
            await create.ExecuteNonQueryAsync();
        var projection = new StreamCountProjection();
        var daemon = new ProjectionDaemon(dataSource, storeOptions, [projection], new ProjectionDaemonOptions { BatchSize = 5000 });
        long head;
        await using (var command = dataSource.CreateCommand($"SELECT count(*) FROM {Schema}.es_events"))
            head = (long)(await command.ExecuteScalarAsync())!;
        var measured = new LatencyRecorder();
        for (var run = 0; run < ReadRepeats; run++)
        {
            measured.Start();
            await measured.TimeAsync(() => daemon.RebuildAsync(projection.Name));
            measured.Stop();
        }
        var summary = measured.Summarise(head * ReadRepeats);
        report.Add(Section, "", new Comparison($"daemon rebuild of a per-stream count projection ({head:N0} events; {ReadRepeats} runs)", "events",
            summary, rawRead, "the raw SELECT of all rows above (read only, no writes)", Target: null));
        report.AddNote("Rebuild target",
            $"Issue 2 asks for a rebuild of at least 50,000 events/s: measured {summary.UnitsPerSecond:N0} events/s ({(summary.UnitsPerSecond >= 50_000 ? "met" : "NOT met")}).");
    }

    private async Task ResetSchemasAsync()
    {
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE; DROP SCHEMA IF EXISTS {RawSchema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    private static NewEvent ToNewEvent(BenchEvent e) =>
        new(e.EventId, e.Type, e.Data, new EventMetadata(RecordedBy: "bench", CorrelationId: "bench-run"));
}
