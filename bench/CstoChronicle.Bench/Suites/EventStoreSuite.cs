using CstoChronicle.Bench.Baselines;
using CstoChronicle.Bench.Http;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Store;
using JasperFx;
using JasperFx.Events;
using Marten;
using Npgsql;
using Weasel.Core;

namespace CstoChronicle.Bench.Suites;

/// <summary>
/// Issue 10's append figures: single events (one and several clients) and batches through Marten configured as the
/// service runs it (<see cref="ChronicleMarten.Configure"/>: Rich appends, the chronicle projection inline), each beside raw
/// Npgsql; and, as extra rows, batches through Marten without the projection in Rich and in Quick append mode.
/// </summary>
public sealed class EventStoreSuite(NpgsqlDataSource dataSource, BenchOptions options, BenchmarkReport report)
{
    private const string Section = "Event store (Marten)";
    private const string Schema = "bench_store";
    private const string RichSchema = "bench_store_rich";
    private const string QuickSchema = "bench_store_quick";
    private const string RawSchema = "bench_raw";
    private static readonly EventMetadata Metadata = new(RecordedBy: "bench", CorrelationId: "bench-run");

    public async Task RunAsync()
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE; DROP SCHEMA IF EXISTS {RichSchema} CASCADE; " +
                           $"DROP SCHEMA IF EXISTS {QuickSchema} CASCADE; DROP SCHEMA IF EXISTS {RawSchema} CASCADE");
        var raw = new RawEventsTable(dataSource, RawSchema);
        await raw.CreateAsync();
        await using var chronicle = await ChronicleModule.CreateAsync(dataSource, new ChronicleStoreSettings { Schema = Schema }, TimeProvider.System);

        await WarmAsync(chronicle.Log, raw);
        await MeasureSingleAppendsAsync(chronicle.Log, raw, clients: 1, "single-1");
        await MeasureSingleAppendsAsync(chronicle.Log, raw, clients: options.Clients, "single-n");
        await MeasureBatchAppendsAsync(chronicle.Store, raw, "batch", "as the service runs it: Rich, projection inline", Target: 0.5);

        // Extra rows: Marten alone (no chronicle projection), Rich and Quick, to tell the projection's cost from the append mode's.
        using var rich = new DocumentStore(MartenAlone(RichSchema, EventAppendMode.Rich));
        await rich.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await MeasureBatchAppendsAsync(rich, raw, "batch-rich", "extra: Marten alone, Rich, no projection", Target: null);
        using var quick = new DocumentStore(MartenAlone(QuickSchema, EventAppendMode.Quick));
        await quick.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await MeasureBatchAppendsAsync(quick, raw, "batch-quick", "extra: Marten alone, Quick, no projection", Target: null);

        await ExecuteAsync($"DROP SCHEMA IF EXISTS {RichSchema} CASCADE; DROP SCHEMA IF EXISTS {QuickSchema} CASCADE");
    }

    private static async Task WarmAsync(EventLog log, RawEventsTable raw)
    {
        // Warm both paths (prepared statements, pool, Marten's generated code) so the first measured write is not a cold one.
        for (var i = 0; i < 50; i++)
        {
            var e = BenchEvent.Create($"warm-{i}", 1);
            await raw.InsertOneAsync(e);
            await log.AppendAsync(e.StreamId, ExpectedVersion.NoStream, new NewEvent(e.EventId, e.Event, Metadata));
        }
    }

    private async Task MeasureSingleAppendsAsync(EventLog log, RawEventsTable raw, int clients, string prefix)
    {
        var baseline = new LatencyRecorder();
        var measured = new LatencyRecorder();
        var n = options.SingleAppends;
        // Interleave in blocks so both sides see the same machine state.
        for (var block = 0; block < 10; block++)
        {
            var from = block * n / 10;
            var count = (block + 1) * n / 10 - from;
            await ConcurrentLoad.RunAsync(baseline, clients, count, i => raw.InsertOneAsync(BenchEvent.Create($"{prefix}-{from + i}", 1)));
            await ConcurrentLoad.RunAsync(measured, clients, count, i =>
            {
                var e = BenchEvent.Create($"{prefix}-{from + i}", 1);
                return log.AppendAsync(e.StreamId, ExpectedVersion.NoStream, new NewEvent(e.EventId, e.Event, Metadata));
            });
        }
        report.Add(Section,
            "Marten as the service configures it (`ChronicleMarten.Configure`: Rich appends, unique event ids, metadata columns, the chronicle " +
            "projection inline in the append's transaction). Single appends go through `EventLog.AppendAsync` (a lightweight session, " +
            "`StartStream`, `SaveChangesAsync`), each a new stream; concurrent clients each append their own streams. The baseline is the same " +
            "number of clients on a plain table of the same row shape. Extra rows (no target) show Marten without the projection. Each batch " +
            $"row, and its COPY baseline, first runs {WarmBatches} untimed batches: until the JIT has optimised a path, its first batches " +
            "cost this process three to four times the CPU (reports before 2026-12-05 measured the chronicle's row cold).",
            new Comparison($"single-event append, {clients} client{(clients == 1 ? "" : "s")} (new stream)", "events",
                measured.Summarise(n), baseline.Summarise(n),
                $"autocommitted single-row INSERT, {clients} client{(clients == 1 ? "" : "s")}", Target: clients == 1 ? null : 0.3));
    }

    private async Task MeasureBatchAppendsAsync(IDocumentStore store, RawEventsTable raw, string prefix, string what, double? Target)
    {
        var size = options.BatchSize;
        // Untimed: the first few hundred batches of a path run code the JIT has not optimised yet (measured: about 55 µs of this
        // process's CPU per event over the first 500 batches of any store, 13 to 19 over the next 500).
        for (var b = 0; b < WarmBatches; b++)
        {
            await raw.CopyAsync(Enumerable.Range(1, size).Select(v => BenchEvent.Create($"{prefix}-warm-{b}", v)).ToArray());
            await AppendBatchAsync(store, Enumerable.Range(1, size).Select(v => BenchEvent.Create($"{prefix}-warm-{b}", v)).ToArray());
        }
        var baseline = new LatencyRecorder();
        var measured = new LatencyRecorder();
        var meter = await CpuMeter.CreateAsync(dataSource);
        CpuTimes baselineCpu = CpuTimes.Zero, measuredCpu = CpuTimes.Zero;
        for (var block = 0; block < 10; block++)
        {
            var from = block * options.Batches / 10;
            var to = (block + 1) * options.Batches / 10;
            var started = meter.Now();
            baseline.Start();
            for (var b = from; b < to; b++)
            {
                var batch = Enumerable.Range(1, size).Select(v => BenchEvent.Create($"{prefix}-{b}", v)).ToArray();
                await baseline.TimeAsync(() => raw.CopyAsync(batch));
            }
            baseline.Stop();
            baselineCpu += meter.Now() - started;
            started = meter.Now();
            measured.Start();
            for (var b = from; b < to; b++)
            {
                var batch = Enumerable.Range(1, size).Select(v => BenchEvent.Create($"{prefix}-{b}", v)).ToArray();
                await measured.TimeAsync(() => AppendBatchAsync(store, batch));
            }
            measured.Stop();
            measuredCpu += meter.Now() - started;
        }
        long events = (long)size * options.Batches;
        var name = $"batch append ({size} events to a new stream, one SaveChanges; {what})";
        report.Add(Section, "",
            new Comparison(name, "events", measured.Summarise(events), baseline.Summarise(events), $"binary COPY of {size} rows", Target));
        report.AddCpu(Section, $"{name}; baseline: binary COPY of {size} rows", events, measuredCpu, events, baselineCpu);
    }

    private const int WarmBatches = 500;

    private static async Task AppendBatchAsync(IDocumentStore store, BenchEvent[] batch)
    {
        await using var session = store.LightweightSession();
        session.LastModifiedBy = Metadata.RecordedBy;
        session.CorrelationId = Metadata.CorrelationId;
        var action = session.Events.StartStream(batch[0].StreamId, batch.Select(e => (object)e.Event).ToArray());
        for (var i = 0; i < batch.Length; i++) action.Events[i].Id = batch[i].EventId;
        await session.SaveChangesAsync();
    }

    private StoreOptions MartenAlone(string schema, EventAppendMode mode) => MartenAlone(dataSource, schema, mode);

    /// <summary>The service's Marten settings (serializer, type names, string streams, metadata, unique ids) without the chronicle projection.</summary>
    internal static StoreOptions MartenAlone(NpgsqlDataSource dataSource, string schema, EventAppendMode mode)
    {
        var o = new StoreOptions();
        o.Connection(dataSource);
        o.DatabaseSchemaName = schema;
        o.Events.DatabaseSchemaName = schema;
        o.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        o.DisableNpgsqlLogging = true;
        o.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase, ChronicleJson.Configure);
        o.Events.StreamIdentity = StreamIdentity.AsString;
        o.Events.AppendMode = mode;
        o.Events.EnableUniqueIndexOnEventId = true;
        o.Events.MetadataConfig.CorrelationIdEnabled = true;
        o.Events.MetadataConfig.CausationIdEnabled = true;
        o.Events.MetadataConfig.HeadersEnabled = true;
        o.Events.MetadataConfig.UserNameEnabled = true;
        foreach (var name in EventTypeRegistry.TypeNames)
        {
            EventTypeRegistry.TryGetType(name, out var type);
            o.Events.MapEventType(type, name);
        }
        return o;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
