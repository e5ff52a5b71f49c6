using CstoChronicle.Bench;
using CstoChronicle.Bench.Report;
using CstoChronicle.Bench.Suites;
using Npgsql;

var options = BenchOptions.Parse(args);
// The bench's pool and the API process's pool together stay under PostgreSQL's default 100 connections.
await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxPoolSize = 55 }.ConnectionString);
var report = new BenchmarkReport(await MachineInfo.ReadAsync(dataSource), options.ToString());

if (options.Runs("store"))
{
    Console.Error.WriteLine("event store suite ...");
    await new EventStoreSuite(dataSource, options, report).RunAsync();
}
if (options.Runs("queries"))
{
    Console.Error.WriteLine("query suite ...");
    await new QuerySuite(dataSource, options, report).RunAsync();
}

if (options.Runs("http"))
{
    Console.Error.WriteLine("HTTP suite ...");
    await new HttpSuite(dataSource, options, report).RunAsync();
}

if (options.Runs("notifications"))
{
    Console.Error.WriteLine("notifications suite ...");
    await new NotificationsSuite(dataSource, options, report).RunAsync();
}

var markdown = report.ToMarkdown();
await File.WriteAllTextAsync(options.Output, markdown);
Console.WriteLine(markdown);
