using CstoChronicle.Domain.Store;
using CstoChronicle.Bench;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Suites;
using Npgsql;

var options = BenchOptions.Parse(args);
// The bench's pool and the API process's pool (ApiProcess.PoolSize) together stay under PostgreSQL's default 100 connections.
// Tuned as the service's own data source is (ConnectionTuning); the raw baselines run on it too.
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(options.ConnectionString)) { MaxPoolSize = 55 }.ConnectionString);
var report = new BenchmarkReport(await MachineInfo.ReadAsync(dataSource), options.ToString());
// The chart's draw time is measured by the browser tests, not here: keep what the file says of it.
var chart = BenchmarkReport.SectionOf(File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output) : null, BenchmarkReport.ChartDrawTime);

(string Name, Func<Task> Run)[] suites =
[
    ("store", () => new EventStoreSuite(dataSource, options, report).RunAsync()),
    ("queries", () => new QuerySuite(dataSource, options, report).RunAsync()),
    ("http", () => new HttpSuite(dataSource, options, report).RunAsync()),
    ("notifications", () => new NotificationsSuite(dataSource, options, report).RunAsync()),
];

var failed = 0;
var loads = new List<string>();
foreach (var (name, run) in suites.Where(s => options.Runs(s.Name)))
{
    var loadBefore = MachineLoad.OneMinute();
    Console.Error.WriteLine($"{name} suite ... (load average {loadBefore})");
    var clock = System.Diagnostics.Stopwatch.StartNew();
    try
    {
        await run();
    }
    catch (Exception e)
    {
        // One broken suite must not throw away the figures the others measured.
        failed++;
        Console.Error.WriteLine(e);
        report.AddNote($"Suite '{name}' failed", $"The {name} suite stopped with: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
    }
    Console.Error.WriteLine($"{name} suite took {clock.Elapsed.TotalSeconds:0} s (load average {MachineLoad.OneMinute()})");
    loads.Add($"{name} {clock.Elapsed.TotalSeconds:0} s (load {loadBefore} before, {MachineLoad.OneMinute()} after)");
    await File.WriteAllTextAsync(options.Output, WithChart(report.ToMarkdown()));
}

report.AddNote("Machine load during this run",
    "The machine's 2 cores are shared with other work; the 1-minute load average before and after each suite, and its duration: " +
    string.Join("; ", loads) + ". Absolute figures move with it; the ratios to the baselines of the same run move less.");
if (chart is not null) report.AddNote(BenchmarkReport.ChartDrawTime, chart);
await File.WriteAllTextAsync(options.Output, report.ToMarkdown());
Console.WriteLine(report.ToMarkdown());
return failed == 0 ? 0 : 1;

// Until the run ends the chart's section is appended to each partial report, so a stopped run keeps it too.
string WithChart(string markdown) => chart is null ? markdown : $"{markdown}\n## {BenchmarkReport.ChartDrawTime}\n\n{chart}\n";

