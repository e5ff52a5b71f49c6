using System.Net;
using CstoChronicle.Bench.Http;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Synthetic;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>
/// Issue 4's figures: point-in-time queries over HTTP against the API as its own process, on the schema the query
/// suite loaded (the dataset and the synthetic events), beside the same query in process; and the API's memory.
/// </summary>
public sealed class HttpSuite(NpgsqlDataSource dataSource, BenchOptions options, BenchmarkReport report)
{
    private const string Section = "HTTP point-in-time queries";

    public async Task RunAsync()
    {
        await using var chronicle = await ChronicleModule.CreateAsync(dataSource, new ChronicleStoreSettings { Schema = QuerySuite.Schema }, TimeProvider.System);
        var events = await chronicle.Log.HeadPositionAsync();
        await using var api = await ApiProcess.StartAsync(options.ApiDll, options.ConnectionString, QuerySuite.Schema);
        var catchUp = await WaitForDaemonAsync(events);
        var idle = api.Memory();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.QueryClients })
        {
            BaseAddress = api.BaseAddress,
        };
        var days = HistoryDays.Seeded(options.Queries, seed: 7);

        var (overHttp, inProcess) = await ConcurrentLoad.CompareAsync(options.QueryClients, options.Queries,
            i => GetAsync(http, $"api/v1/members?asOf={days[i]:yyyy-MM-dd}"),
            i => chronicle.Queries.MembersAsync(days[i]));
        report.Add(Section,
            $"The API runs as its own process (Release build) on the schema of the query suite ({events:N0} events); " +
            $"{options.QueryClients} concurrent HTTP/1.1 clients on loopback, {options.Queries:N0} requests. The baseline is the same query " +
            "called in process by as many concurrent tasks (itself measured against raw SQL above).",
            new Comparison("GET /api/v1/members?asOf=(random day)", "requests", overHttp, inProcess, "ChronicleQueries.MembersAsync in process", Target: null));

        var (timelineHttp, timelineInProcess) = await ConcurrentLoad.CompareAsync(options.QueryClients, options.Queries,
            i => GetAsync(http, $"api/v1/timeline?from={days[i]:yyyy-MM-dd}&to={days[i].AddDays(30):yyyy-MM-dd}&limit=50"),
            i => chronicle.Queries.TimelineAsync(days[i], days[i].AddDays(30), limit: 50));
        report.Add(Section, "", new Comparison("GET /api/v1/timeline?from=&to=&limit=50", "requests", timelineHttp, timelineInProcess,
            "ChronicleQueries.TimelineAsync in process", Target: null));

        var loaded = api.Memory();
        await CompareTelemetryAsync(days);
        report.AddNote("API process memory",
            $"Resident memory of the API process: {idle.ResidentMiB:N0} MiB when ready, {loaded.ResidentMiB:N0} MiB after the HTTP runs " +
            $"(peak {loaded.PeakMiB:N0} MiB), with {options.QueryClients} keep-alive clients. Before measuring, the bench waited " +
            $"{catchUp.TotalSeconds:0.#} s for the API's async daemon (HotCold) to catch up with the log: on a store it has not seen, its webhook " +
            $"fan-out subscription reads all {events:N0} events once.");
    }

    /// <summary>
    /// Issue 13: what telemetry costs. The same members query against API processes with metrics only (the default
    /// without OTLP), with traces recorded too (as with OTLP set, minus the export), and with telemetry off, in
    /// alternating halves of one run.
    /// </summary>
    private async Task CompareTelemetryAsync(DateOnly[] days)
    {
        foreach (var (name, settings) in new[]
        {
            ("metrics (default)", new Dictionary<string, string> { ["Chronicle__ImportDataset"] = "false" }),
            ("metrics and traces", new Dictionary<string, string> { ["Chronicle__ImportDataset"] = "false", ["Chronicle__Telemetry__Tracing"] = "true" }),
        })
        {
            // A fresh pair each time: a process that served the previous round is warmer (JIT, pools) than a new one.
            await using var off = await ApiProcess.StartAsync(options.ApiDll, options.ConnectionString, QuerySuite.Schema,
                new Dictionary<string, string> { ["Chronicle__Telemetry__Enabled"] = "false", ["Chronicle__ImportDataset"] = "false" });
            using var offHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.QueryClients }) { BaseAddress = off.BaseAddress };
            await using var on = await ApiProcess.StartAsync(options.ApiDll, options.ConnectionString, QuerySuite.Schema, settings);
            using var onHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.QueryClients }) { BaseAddress = on.BaseAddress };
            var (measured, baseline) = await ConcurrentLoad.CompareAsync(options.QueryClients, options.Queries,
                i => GetAsync(onHttp, $"api/v1/members?asOf={days[i]:yyyy-MM-dd}"),
                i => GetAsync(offHttp, $"api/v1/members?asOf={days[i]:yyyy-MM-dd}"));
            report.Add("Cost of telemetry",
                name == "metrics (default)"
                    ? "For each line a fresh pair of API processes on the same schema, one with telemetry (Chronicle:Telemetry) and one without (Enabled=false), the same " +
                      $"GET /api/v1/members load ({options.QueryClients} clients, {options.Queries:N0} requests) in alternating halves. " +
                      "\"metrics and traces\" records a trace of every request (Marten and Npgsql spans included) as with OTLP set, without exporting it."
                    : "",
                new Comparison($"GET /api/v1/members, {name}", "requests", measured, baseline, "the same API with telemetry off", Target: null));
        }
    }

    /// <summary>Waits (at most 3 minutes) until every shard of Marten's daemon and the high-water mark have reached the log's last sequence.</summary>
    private async Task<TimeSpan> WaitForDaemonAsync(long events)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var command = dataSource.CreateCommand($"""
            SELECT (SELECT coalesce(max(seq_id), 0) FROM {QuerySuite.Schema}.mt_events)
                 - (SELECT coalesce(min(last_seq_id), 0) FROM {QuerySuite.Schema}.mt_event_progression),
                   (SELECT count(*) FROM {QuerySuite.Schema}.mt_event_progression)
            """);
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            await using (var reader = await command.ExecuteReaderAsync())
            {
                await reader.ReadAsync();
                if (reader.GetInt64(0) <= 0 && reader.GetInt64(1) >= 2) return clock.Elapsed;
            }
            await Task.Delay(500);
        }
        Console.Error.WriteLine($"  the API's daemon had not caught up with {events:N0} events after 3 minutes; measuring anyway");
        return clock.Elapsed;
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path, HttpCompletionOption.ResponseContentRead);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
