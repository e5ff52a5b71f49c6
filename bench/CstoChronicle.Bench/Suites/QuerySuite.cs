using System.Diagnostics;
using CstoChronicle.Bench.Http;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Synthetic;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Writing;
using CstoChronicle.Domain.Store;
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
    private const int SyntheticBatch = 500;

    public async Task RunAsync()
    {
        await using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE"))
            await drop.ExecuteNonQueryAsync();
        await using var chronicle = await ChronicleModule.CreateAsync(dataSource, new EventStoreOptions { Schema = Schema }, TimeProvider.System);
        var importer = new Importer(new ChronicleWriter(chronicle.Store), chronicle.Store);
        var imported = await importer.ImportIfEmptyAsync(DatasetLocator.Find());
        Console.Error.WriteLine($"  dataset imported: {imported}");

        var small = await chronicle.Store.GetHeadPositionAsync();
        var membersSmall = await MeasureMembersAsync(chronicle, $"members as of a random day ({small:N0} events: the dataset)");

        var load = Stopwatch.StartNew();
        await SyntheticHistory.AppendAsync(chronicle.Store, options.SyntheticEvents, SyntheticBatch,
            n => { if (n % 100_000 == 0) Console.Error.WriteLine($"  synthetic events: {n:N0} ({load.Elapsed.TotalSeconds:0}s)"); });
        load.Stop();
        var large = await chronicle.Store.GetHeadPositionAsync();
        var membersLarge = await MeasureMembersAsync(chronicle, $"members as of a random day ({large:N0} events)");
        await MeasureTimelineAsync(chronicle, large);

        report.AddNote("Query cost against the size of the log",
            $"Members as of a day, p50 {membersSmall.P50:0.###} ms with {small:N0} events and {membersLarge.P50:0.###} ms with {large:N0} " +
            $"(p99 {membersSmall.P99:0.###} and {membersLarge.P99:0.###} ms): the query reads the membership claims, not the log. " +
            $"Loading the {options.SyntheticEvents:N0} synthetic events (batches of {SyntheticBatch} through the store with the inline projection) took " +
            $"{load.Elapsed.TotalSeconds:0} s ({options.SyntheticEvents / load.Elapsed.TotalSeconds:N0} events/s).");
    }

    private async Task<LatencySummary> MeasureMembersAsync(Chronicle chronicle, string name)
    {
        const string raw = """
            SELECT event_id, written_by, position, on_text, rank, state, change
              FROM bench_chronicle.chr_membership
             WHERE recorded_at <= 'infinity' AND superseded_at IS NULL AND retracted_at IS NULL
            """;
        var days = HistoryDays.Seeded(options.Queries, seed: 42);
        var (measured, baseline) = await CompareAsync(
            i => chronicle.Queries.MembersAsync(days[i]),
            _ => ReadRawAsync(raw));
        report.Add(Section,
            $"{options.QueryClients} concurrent clients in process, {options.Queries:N0} queries each side. The baseline reads the same claim rows " +
            "with one raw SELECT (no snapshot transaction, no fold, no answer objects).",
            new Comparison(name, "queries", measured, baseline, "raw SELECT of the membership claim rows", Target: null));
        return measured;
    }

    private async Task MeasureTimelineAsync(Chronicle chronicle, long events)
    {
        // The same two index reads as the query (docs/decisions/0103), without its snapshot transaction and answer objects.
        var raw = $$"""
            SELECT * FROM (
                (SELECT event_id, written_by, position, on_text, rank, type, stream_id, title, recorded_at, earliest, latest
                   FROM bench_chronicle.chr_timeline
                  WHERE earliest < $1::date - {{ChronicleMigrations.TimelineLongSpanDays}}
                    AND {{ChronicleMigrations.TimelineLongSpan}}
                    AND daterange(earliest, latest, '[]') @> $1::date AND earliest <= $2
                    AND superseded_at IS NULL AND retracted_at IS NULL)
                UNION ALL
                (SELECT event_id, written_by, position, on_text, rank, type, stream_id, title, recorded_at, earliest, latest
                   FROM bench_chronicle.chr_timeline
                  WHERE earliest >= $1::date - {{ChronicleMigrations.TimelineLongSpanDays}} AND latest >= $1 AND earliest <= $2
                    AND superseded_at IS NULL AND retracted_at IS NULL
                  ORDER BY earliest, latest, position
                  LIMIT 51)
            ) page
             ORDER BY earliest, latest, position
             LIMIT 51
            """;
        var days = HistoryDays.Seeded(options.Queries, seed: 42);
        var (measured, baseline) = await CompareAsync(
            i => chronicle.Queries.TimelineAsync(days[i], days[i].AddDays(30), limit: 50),
            i => ReadRawAsync(raw, days[i], days[i].AddDays(30)));
        report.Add(Section, "", new Comparison($"timeline: 50 events from a random day ({events:N0} events)", "queries", measured, baseline,
            "the same two raw index reads (UNION ALL, LIMIT 51)", Target: null));
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
