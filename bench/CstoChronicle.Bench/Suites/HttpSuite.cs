using System.Globalization;
using System.Net;
using CstoChronicle.Bench.Http;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Synthetic;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>
/// Issue 15's figures: point-in-time reads over HTTP against the API as its own process, beside what Kestrel serves on
/// the same machine in the same run (a static file: the ceiling), with counters of where the time goes (the API's CPU
/// per request, database transactions per request) and the API's memory. On the schema the query suite loaded (the
/// dataset and the synthetic events), or on the dataset alone when the suite runs by itself.
/// </summary>
public sealed class HttpSuite(NpgsqlDataSource dataSource, BenchOptions options, BenchmarkReport report)
{
    private const string Section = "HTTP point-in-time reads";
    private const string Ceiling = "GET /favicon.svg (a static file: Kestrel's ceiling here)";

    private const string DatasetSchema = "bench_http_dataset";

    private readonly List<string> _counters = [];
    private readonly List<string> _targets = [];
    private readonly List<string> _memory = [];

    public async Task RunAsync()
    {
        await using (var chronicle = await ChronicleModule.CreateAsync(dataSource, new ChronicleStoreSettings { Schema = QuerySuite.Schema }, TimeProvider.System))
            if (await chronicle.Log.HeadPositionAsync() == 0) await chronicle.Importer.ImportIfEmptyAsync(DatasetLocator.Find());
        var onLargeLog = await EventsAsync(QuerySuite.Schema) > 100_000;
        // Issue 15 asks for both: the dataset as a user runs it, and the large synthetic log the query suite loaded.
        if (onLargeLog) await MeasureAsync(await FreshDatasetSchemaAsync(), "HTTP point-in-time reads on the dataset", "on the dataset: ", telemetry: false);
        await MeasureAsync(QuerySuite.Schema, Section, onLargeLog ? "on the large log: " : "", telemetry: options.HttpRows is null);

        report.AddNote("Where the time of an HTTP read goes",
            "Counters over each measured run: CPU time of the API process (user and system, from /proc) per request, and database " +
            "transactions committed per request (pg_stat_database.xact_commit of the whole server, so the API's background polls count too). " +
            "A read answered from a view kept by position, or from the timeline held in memory, commits none. PostgreSQL's CPU is that of the server processes of the " +
            "database's connections (the API's, the bench's own; n/a when the server is not on this machine); the client's is this " +
            $"program's (the {options.QueryClients} HTTP clients). The API's resident memory (and its peak so far, both from /proc) after each run.\n\n" +
            "| run | API CPU µs per request | PostgreSQL CPU µs per request | client CPU µs per request | database transactions per request | API resident MiB | API peak MiB |\n" +
            "| --- | --- | --- | --- | --- | --- | --- |\n" +
            string.Join("\n", _counters));
        report.AddNote("Targets of issue 15", string.Join("\n", _targets));
        report.AddNote("API process memory", string.Join("\n\n", _memory));
    }

    private async Task MeasureAsync(string schema, string section, string label, bool telemetry)
    {
        var events = await EventsAsync(schema);
        // The page's files (the static-file ceiling) are not copied next to the built dll: serve them from the sources.
        await using var api = await ApiProcess.StartAsync(options.ApiDll, options.ConnectionString, schema,
            new Dictionary<string, string> { ["ASPNETCORE_WEBROOT"] = Path.GetFullPath("src/CstoChronicle.Api/wwwroot") });
        var catchUp = await WaitForDaemonAsync(schema, events);
        var timelineLoaded = await WaitForTimelineInMemoryAsync(api, events);
        var pastInstant = await SettledPastInstantAsync(schema);
        var idle = api.Memory();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.QueryClients }) { BaseAddress = api.BaseAddress };
        var days = HistoryDays.Seeded(options.Queries, seed: 7);
        var knownAt = pastInstant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

        // Counters over a run of the read alone: the API's CPU per request and the database transactions per request.
        async Task CountAsync(string name, Func<int, string> path)
        {
            var runs = Math.Max(1, options.Queries / 4);
            var cpu = api.CpuTime();
            var client = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            var database = await DatabaseCpuAsync();
            var transactions = await TransactionsAsync();
            await ConcurrentLoad.RunAsync(new LatencyRecorder(), options.QueryClients, runs, i => GetAsync(http, path(i)));
            var cpuPerRequest = (api.CpuTime() - cpu).TotalMicroseconds / runs;
            var clientPerRequest = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - client).TotalMicroseconds / runs;
            var databasePerRequest = await DatabaseCpuAsync() is { } after && database is { } before ? ((after - before).TotalMicroseconds / runs).ToString("N0", CultureInfo.InvariantCulture) : "n/a";
            var transactionsPerRequest = (double)(await TransactionsAsync() - transactions) / runs;
            var memory = api.Memory();
            _counters.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {label}{name} | {cpuPerRequest:N0} | {databasePerRequest} | {clientPerRequest:N0} | {transactionsPerRequest:0.00} | {memory.ResidentMiB:N0} | {memory.PeakMiB:N0} |"));
        }

        var rows = new (string Name, Func<int, string> Path, double Target)[]
        {
            ("GET /health/live", _ => "health/live", 0),
            ("GET /api/v1/members?asOf=(random day)", i => $"api/v1/members?asOf={days[i]:yyyy-MM-dd}", 0.5),
            ("GET /api/v1/members?asOf=(random day)&knownAt=(a past instant)", i => $"api/v1/members?asOf={days[i]:yyyy-MM-dd}&knownAt={knownAt}", 0.5),
            ("GET /api/v1/offices/secretary-general?asOf=(random day)", i => $"api/v1/offices/secretary-general?asOf={days[i]:yyyy-MM-dd}", 0.5),
            ("GET /api/v1/offices/chief-of-joint-staff?asOf=(random day)", i => $"api/v1/offices/chief-of-joint-staff?asOf={days[i]:yyyy-MM-dd}", 0.5),
            ("GET /api/v1/offices?asOf=(random day)", i => $"api/v1/offices?asOf={days[i]:yyyy-MM-dd}", 0.5),
            ("GET /api/v1/chairmanship?asOf=(random day)", i => $"api/v1/chairmanship?asOf={days[i]:yyyy-MM-dd}", 0.5),
            ("GET /api/v1/timeline?from=(random day)&to=(30 days later)&limit=50", i => $"api/v1/timeline?from={days[i]:yyyy-MM-dd}&to={days[i].AddDays(30):yyyy-MM-dd}&limit=50", 0.3),
            ("GET /api/v1/timeline?from=(random day)&to=(30 days later)&limit=50&knownAt=(a past instant)",
                i => $"api/v1/timeline?from={days[i]:yyyy-MM-dd}&to={days[i].AddDays(30):yyyy-MM-dd}&limit=50&knownAt={knownAt}", 0.3),
        };
        var intro =
            $"The API runs as its own process (Release build) on {events:N0} events; {options.QueryClients} concurrent HTTP/1.1 clients on " +
            $"loopback, closed loop, {options.Queries:N0} requests per side. The baseline of every row is {Ceiling}, measured in the same run " +
            "in alternating halves with the row (ConcurrentLoad.CompareAsync), so both meet the same load of the machine: no database at all, " +
            "what Kestrel serves here. The ratio is the read's share of that ceiling. The past knownAt is an instant more than a minute old, " +
            "after the last write. Measuring starts once the API holds the timeline in memory up to the log's last mark (decision 0108).";
        // The first requests of a fresh process pay for its JIT: warm the ceiling up before counting it.
        await ConcurrentLoad.RunAsync(new LatencyRecorder(), options.QueryClients, Math.Max(1, options.Queries / 4), _ => GetAsync(http, "favicon.svg"));
        await CountAsync(Ceiling, _ => "favicon.svg");
        foreach (var (name, path, target) in rows.Where(r => options.HttpRows is null || options.HttpRows.Any(part => r.Name.Contains(part, StringComparison.Ordinal))))
        {
            var (measured, ceiling) = await ConcurrentLoad.CompareAsync(options.QueryClients, options.Queries,
                i => GetAsync(http, path(i)), _ => GetAsync(http, "favicon.svg"));
            var row = new Comparison(name, "requests", measured, ceiling, "GET /favicon.svg (static file)", target > 0 ? target : null);
            report.Add(section, intro, row);
            await CountAsync(name, path);
            if (target > 0)
                _targets.Add(string.Create(CultureInfo.InvariantCulture,
                    $"- {label}{name}: {row.Ratio:0.00}x the static file (target {target:0.#}x: {(row.Ratio >= target ? "met" : "NOT met")}), " +
                    $"p99 {measured.P99:0.#} ms (target 20 ms: {(measured.P99 <= 20 ? "met" : "NOT met")}; the static file's p99 beside it: {ceiling.P99:0.#} ms)"));
        }

        var loaded = api.Memory();
        if (telemetry) await CompareTelemetryAsync(days);
        _memory.Add(
            $"{label}Resident memory of the API process on {events:N0} events: {idle.ResidentMiB:N0} MiB when ready, with the timeline in memory, " +
            $"{loaded.ResidentMiB:N0} MiB after the HTTP runs (peak {loaded.PeakMiB:N0} MiB), with {options.QueryClients} keep-alive clients. Before measuring, " +
            $"the bench waited {catchUp.TotalSeconds:0.#} s for the API's async daemon (HotCold) to catch up with the log, then " +
            $"{timelineLoaded.TotalSeconds:0.#} s more for the API to hold the timeline in memory up to the last mark " +
            "(metric chronicle.timeline.memory.position).");
    }

    private async Task<long> EventsAsync(string schema)
    {
        await using var command = dataSource.CreateCommand($"SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A schema holding the dataset alone, made afresh.</summary>
    private async Task<string> FreshDatasetSchemaAsync()
    {
        await using (var drop = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {DatasetSchema} CASCADE")) await drop.ExecuteNonQueryAsync();
        await using var chronicle = await ChronicleModule.CreateAsync(dataSource, new ChronicleStoreSettings { Schema = DatasetSchema }, TimeProvider.System);
        await chronicle.Importer.ImportIfEmptyAsync(DatasetLocator.Find());
        return DatasetSchema;
    }

    /// <summary>Waits (at most 3 minutes) until the API's metric says it holds the timeline up to the newest high-water mark.</summary>
    private async Task<TimeSpan> WaitForTimelineInMemoryAsync(ApiProcess api, long events)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        while (clock.Elapsed < TimeSpan.FromMinutes(3))
        {
            var metrics = await http.GetStringAsync("metrics");
            var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith("chronicle_timeline_memory_position", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ')[1], CultureInfo.InvariantCulture, out var held) && held >= events) return clock.Elapsed;
            await Task.Delay(250);
        }
        Console.Error.WriteLine($"  the API did not hold the timeline in memory up to {events:N0} after 3 minutes; measuring anyway");
        return clock.Elapsed;
    }

    /// <summary>CPU time of the server processes of this database's connections, when the server runs on this machine (Linux /proc); else null.</summary>
    private async Task<TimeSpan?> DatabaseCpuAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT pid FROM pg_stat_activity WHERE datname = current_database()");
        await using var reader = await command.ExecuteReaderAsync();
        TimeSpan? total = null;
        while (await reader.ReadAsync())
            if (CpuMeter.ProcessTime(reader.GetInt32(0)) is { } time) total = (total ?? TimeSpan.Zero) + time;
        return total;
    }

    private async Task<long> TransactionsAsync()
    {
        await using var command = dataSource.CreateCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// An instant after the last high-water mark was recorded and more than a minute past (the API treats such a knownAt as settled):
    /// waits for it when the store was loaded less than a minute ago.
    /// </summary>
    private async Task<DateTimeOffset> SettledPastInstantAsync(string schema)
    {
        await using var command = dataSource.CreateCommand($"SELECT max(known_at) FROM {schema}.chr_known_positions");
        var last = (DateTime)(await command.ExecuteScalarAsync())!;
        var instant = new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)).AddMilliseconds(1);
        var wait = instant + TimeSpan.FromSeconds(62) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        return instant;
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
                new Dictionary<string, string> { ["Chronicle__Telemetry__Enabled"] = "false", ["Chronicle__ImportDataset"] = "false" },
                ApiProcess.PairPoolSize);
            using var offHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.QueryClients }) { BaseAddress = off.BaseAddress };
            await using var on = await ApiProcess.StartAsync(options.ApiDll, options.ConnectionString, QuerySuite.Schema, settings, ApiProcess.PairPoolSize);
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
    private async Task<TimeSpan> WaitForDaemonAsync(string schema, long events)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var command = dataSource.CreateCommand($"""
            SELECT (SELECT coalesce(max(seq_id), 0) FROM {schema}.mt_events)
                 - (SELECT coalesce(min(last_seq_id), 0) FROM {schema}.mt_event_progression),
                   (SELECT count(*) FROM {schema}.mt_event_progression)
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
