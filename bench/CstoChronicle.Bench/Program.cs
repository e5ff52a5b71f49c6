using CstoChronicle.Bench;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Suites;
using Npgsql;

var options = BenchOptions.Parse(args);
// The bench's pool and the API process's pool (ApiProcess.PoolSize) together stay under PostgreSQL's default 100 connections.
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = 55 }.ConnectionString);
var report = new BenchmarkReport(await MachineInfo.ReadAsync(dataSource), options.ToString());
// The chart's draw time is measured by the browser tests, not here: keep what the file says of it.
if (BenchmarkReport.SectionOf(File.Exists(options.Output) ? await File.ReadAllTextAsync(options.Output) : null, BenchmarkReport.ChartDrawTime) is { } chart)
    report.AddNote(BenchmarkReport.ChartDrawTime, chart);

(string Name, Func<Task> Run)[] suites =
[
    ("store", () => new EventStoreSuite(dataSource, options, report).RunAsync()),
    ("queries", () => new QuerySuite(dataSource, options, report).RunAsync()),
    ("http", () => new HttpSuite(dataSource, options, report).RunAsync()),
    ("notifications", () => new NotificationsSuite(dataSource, options, report).RunAsync()),
];

var failed = 0;
foreach (var (name, run) in suites.Where(s => options.Runs(s.Name)))
{
    Console.Error.WriteLine($"{name} suite ...");
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
    await File.WriteAllTextAsync(options.Output, report.ToMarkdown());
}

Console.WriteLine(report.ToMarkdown());
return failed == 0 ? 0 : 1;
