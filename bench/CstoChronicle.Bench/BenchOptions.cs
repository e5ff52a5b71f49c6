using System.Globalization;

namespace CstoChronicle.Bench;

/// <summary>Command-line settings: sizes are small by default so a run takes a minute or two.</summary>
public sealed record BenchOptions(
    string ConnectionString,
    int SingleAppends,
    int BatchSize,
    int Batches,
    int SyntheticEvents,
    int SyntheticSession,
    int Clients,
    int QueryClients,
    int Queries,
    string Output,
    IReadOnlySet<string> Suites,
    string ApiDll,
    int SseClients,
    int NotificationEvents,
    IReadOnlyList<string>? HttpRows)
{
    public static readonly string[] AllSuites = ["store", "queries", "http", "notifications"];

    public bool Runs(string suite) => Suites.Contains(suite);

    public static BenchOptions Parse(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Chronicle")
            ?? throw new InvalidOperationException("Set ConnectionStrings__Chronicle, or run bench/run.sh which starts a throwaway PostgreSQL.");
        int Int(string name, int fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }
        string Text(string name, string fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }
        return new BenchOptions(
            connection,
            SingleAppends: Int("single-appends", 3000),
            BatchSize: Int("batch-size", 100),
            Batches: Int("batches", 500),
            SyntheticEvents: Int("synthetic-events", 1_000_000),
            SyntheticSession: Int("synthetic-session", 2_000),
            Clients: Int("clients", 8),
            QueryClients: Int("query-clients", 50),
            Queries: Int("queries", 20_000),
            Output: Text("output", "docs/benchmarks.md"),
            Suites: Text("suites", string.Join(',', AllSuites)).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(),
            ApiDll: Text("api-dll", "src/CstoChronicle.Api/bin/Release/net10.0/CstoChronicle.Api.dll"),
            SseClients: Int("sse-clients", 1000),
            NotificationEvents: Int("notification-events", 200),
            // While working on one read: only the HTTP rows whose names contain one of these (comma-separated), no telemetry comparison.
            HttpRows: Text("http-rows", "") is { Length: > 0 } rows ? rows.Split(',', StringSplitOptions.TrimEntries) : null);
    }

    public override string ToString() =>
        $"{SingleAppends} single appends with 1 and {Clients} clients; {Batches} batches of {BatchSize}; {SyntheticEvents:N0} synthetic events for queries, {SyntheticSession:N0} per session; {QueryClients} query clients, {Queries} queries; {SseClients} SSE clients, {NotificationEvents} notification events; suites: {string.Join(", ", Suites)}";
}
