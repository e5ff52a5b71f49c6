using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using CstoChronicle.Bench.Baselines;
using CstoChronicle.Bench.Http;
using CstoChronicle.Bench.Measurement;
using CstoChronicle.Bench.Report;
using CstoChronicle.Domain;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>
/// Issue 5's figures: from the start of an append to its arrival at each of many SSE clients of the API
/// (its own process), and at a webhook receiver; beside a raw LISTEN/NOTIFY round trip measured in the same
/// run; and the API process's memory with those clients connected.
/// </summary>
public sealed class NotificationsSuite(NpgsqlDataSource dataSource, BenchOptions options, BenchmarkReport report)
{
    private const string Schema = "bench_notifications";
    private static readonly TimeSpan SsePace = TimeSpan.FromMilliseconds(20);

    /// <summary>Slower than one delivery takes, so the figure is latency and not the queue of one subscription.</summary>
    private static readonly TimeSpan WebhookPace = TimeSpan.FromMilliseconds(50);

    public async Task RunAsync()
    {
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        var editorKey = "csto_bench-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await using var api = await ApiProcess.StartAsync(options.ApiDll, options.ConnectionString, Schema, new Dictionary<string, string>
        {
            ["Chronicle__ImportDataset"] = "false",
            ["Chronicle__Webhooks__AllowPrivateTargets"] = "true",
            ["Chronicle__WritesPerMinute"] = "1000000",
            ["Chronicle__Webhooks__AllowedPorts"] = "*",
            // Every SSE client of the fleet connects from loopback: lift the per-address and per-node limits (decision 0206) above it.
            ["Chronicle__Notifications__MaxStreamsPerAddress"] = (options.SseClients + 10).ToString(CultureInfo.InvariantCulture),
            ["Chronicle__Notifications__MaxStreams"] = (options.SseClients + 10).ToString(CultureInfo.InvariantCulture),
            ["Chronicle__ApiKeys__0__Name"] = "bench",
            ["Chronicle__ApiKeys__0__Role"] = "editor",
            ["Chronicle__ApiKeys__0__Hash"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(editorKey))),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        // The API created the schema; this program appends straight to it through Marten, configured as the service is.
        await using var chronicle = await ChronicleModule.CreateAsync(dataSource, new ChronicleStoreSettings { Schema = Schema }, TimeProvider.System);
        var store = chronicle.Log;
        var events = options.NotificationEvents;
        var loadBefore = MachineLoad.OneMinute();

        var roundTrips = await NotificationsListenNotifyBaseline.MeasureAsync(dataSource, events);
        var idle = api.Memory();

        var sseEntity = "bench-sse-" + Guid.NewGuid().ToString("N")[..8];
        List<double> sse;
        (double ResidentMiB, double PeakMiB) connected, streamed;
        await using (var fleet = await NotificationsSseFleet.ConnectAsync(api.BaseAddress, $"api/v1/stream?entities={sseEntity}", options.SseClients))
        {
            connected = api.Memory();
            var started = await AppendPacedAsync(store, sseEntity, events, SsePace);
            await WaitAsync(() => fleet.AllReceived(events), $"{fleet.Count} SSE clients to receive {events} events");
            streamed = api.Memory();
            sse = fleet.Arrivals.Select(a => Milliseconds(started[a.Position].Timestamp, a.Timestamp)).ToList();
        }

        // Before any subscription: each write's outbox message finds no subscriber, so this is the write itself.
        await MeasureWritesThroughApiAsync(api.BaseAddress, editorKey);

        using var receiver = new NotificationsWebhookReceiver();
        await SubscribeAsync(api.BaseAddress, editorKey, receiver.Url, types: ["SourceRegistered"]);
        var hookStarts = await AppendThroughApiPacedAsync(api.BaseAddress, editorKey, events, WebhookPace);
        await WaitAsync(() => receiver.Arrivals.Count >= events, $"the webhook receiver to get {events} deliveries");
        var webhooks = hookStarts.Select(s => Milliseconds(s.Timestamp, receiver.Arrivals[s.EventId])).ToList();

        report.AddNote("Notifications", Table(
            $"The API runs as its own process (Release build). Events are appended one at a time, {SsePace.TotalMilliseconds:0} ms apart " +
            $"({WebhookPace.TotalMilliseconds:0} ms for the webhook), " +
            $"for SSE straight to the store by this program (Marten, `EventLog.AppendAsync`, the projection inline), for the webhook through the API " +
            $"(`POST /api/v1/sources`: the append writes Wolverine's outbox in its transaction); latency runs from the start of the append to the arrival of the event's `data:` line " +
            $"at an SSE client, or of the webhook POST at a receiver on loopback (the HTTP write, Wolverine's fan-out and delivery queues, signing, HTTP). The baseline is a raw " +
            $"`NOTIFY` on one connection until a `LISTEN` connection has it, measured in the same run. The store no longer notifies: " +
            "an event reaches SSE clients once Marten's daemon (in the API, HotCold) has moved the high-water mark past it and the API's " +
            "`LiveEventHub`, polling the mark every 100 ms, has read it; webhooks do not wait for the mark: Wolverine takes the fan-out message from its outbox once the append commits.",
            [
                ($"raw LISTEN/NOTIFY round trip (baseline)", roundTrips),
                ($"append → SSE client, {options.SseClients:N0} concurrent clients ({events} events × {options.SseClients:N0})", sse),
                ($"append → webhook receipt (one subscription, {events} events)", webhooks),
            ],
            $"API process start (Wolverine with runtime compilation, its handlers registered without code generation): ready after " +
            $"{api.ReadyAfter.TotalSeconds:0.00} s on an empty schema (Marten's and Wolverine's tables created). " +
            $"API process resident memory: {idle.ResidentMiB:N0} MiB idle; {connected.ResidentMiB:N0} MiB with {options.SseClients:N0} SSE clients " +
            $"connected; {streamed.ResidentMiB:N0} MiB after streaming {events} events to them (peak {streamed.PeakMiB:N0} MiB). " +
            $"Load average of the machine (1 min) before and after the suite: {loadBefore} and {MachineLoad.OneMinute()}: the clients, the API and " +
            "PostgreSQL share its cores."));
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
    }

    private static readonly IReadOnlyList<Citation> Cited = [new("seed-000", Quote: "synthetic benchmark event")];

    private static async Task<Dictionary<long, (Guid EventId, long Timestamp)>> AppendPacedAsync(CstoChronicle.Domain.Store.EventLog store, string stream, int count, TimeSpan pace)
    {
        var started = new Dictionary<long, (Guid, long)>();
        for (var i = 0; i < count; i++)
        {
            var e = new NewEvent(Guid.NewGuid(), new SessionHeld(stream, HistoricalDate.Parse("2026-11-29"), Cited, Title: $"Ping {i}"),
                new EventMetadata(RecordedBy: "bench"));
            var timestamp = Stopwatch.GetTimestamp();
            var result = await store.AppendAsync(stream, ExpectedVersion.Any, e);
            started[result.Position] = (e.EventId, timestamp);
            await Task.Delay(pace);
        }
        return started;
    }

    /// <summary>Registers sources through the API, one at a time: each is an event whose append writes the webhook outbox.</summary>
    private static async Task<List<(string EventId, long Timestamp)>> AppendThroughApiPacedAsync(Uri api, string editorKey, int count, TimeSpan pace)
    {
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editorKey);
        var started = new List<(string, long)>();
        for (var i = 0; i < count; i++)
        {
            var id = $"bench-hook-{Guid.NewGuid():N}";
            var timestamp = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("api/v1/sources", new { id, title = $"Bench source {i}", publisher = "Bench", url = $"https://example.org/{id}", language = "en" });
            var body = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"Registering a source answered {(int)response.StatusCode}: {body}");
            started.Add((body.GetProperty("eventId").GetString()!, timestamp));
            await Task.Delay(pace);
        }
        return started;
    }

    /// <summary>
    /// Single writes through the API (POST /api/v1/sources: HTTP, the key, validation, Marten's append with the projection
    /// inline and Wolverine's outbox envelope in its transaction, the fan-out that follows), with 1 and with N clients,
    /// beside autocommitted INSERTs of the same clients in alternating halves.
    /// </summary>
    private async Task MeasureWritesThroughApiAsync(Uri api, string editorKey)
    {
        var raw = new RawEventsTable(dataSource, Schema + "_raw");
        await raw.CreateAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = options.Clients }) { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editorKey);
        foreach (var clients in new[] { 1, options.Clients })
        {
            var run = $"w{clients}-{Guid.NewGuid():N}"[..12];
            // The comparison warms each side up with the first indexes again: number the writes apart.
            int written = 0, inserted = 0;
            var (measured, baseline) = await ConcurrentLoad.CompareAsync(clients, options.SingleAppends,
                async _ =>
                {
                    var i = Interlocked.Increment(ref written);
                    var id = $"bench-{run}-{i}";
                    using var response = await http.PostAsJsonAsync("api/v1/sources",
                        new { id, title = $"Bench source {i}", publisher = "Bench", url = $"https://example.org/{id}", language = "en" });
                    if (!response.IsSuccessStatusCode)
                        throw new InvalidOperationException($"Registering a source answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                },
                _ => raw.InsertOneAsync(BenchEvent.Create($"{run}-{Interlocked.Increment(ref inserted)}", 1)));
            report.Add("Writes through the API",
                "The API runs as its own process (Release build). A write is `POST /api/v1/sources` (a new source each): HTTP, the API key, " +
                "validation, Marten's append with the chronicle projection inline and Wolverine's outbox envelope in the same transaction, then " +
                "the fan-out message handled (no subscription matches). The baseline is an autocommitted single-row INSERT with as many " +
                "clients, in alternating halves with the writes. The store's own append, without HTTP and without the outbox, is in the event store table above.",
                new Comparison($"single write through the API, {clients} client{(clients == 1 ? "" : "s")}", "writes", measured, baseline,
                    $"autocommitted single-row INSERT, {clients} client{(clients == 1 ? "" : "s")}", Target: null));
        }
        await ExecuteAsync($"DROP SCHEMA IF EXISTS {Schema}_raw CASCADE");
    }

    private static async Task SubscribeAsync(Uri api, string editorKey, string url, string[] types)
    {
        using var http = new HttpClient { BaseAddress = api };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", editorKey);
        using var response = await http.PostAsJsonAsync("api/v1/subscriptions", new { url, types });
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"Subscribing answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(50);
        }
    }

    private static double Milliseconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    private static string Table(string intro, IReadOnlyList<(string Name, List<double> Samples)> rows, string memory)
    {
        var md = new StringBuilder();
        md.AppendLine(intro).AppendLine();
        md.AppendLine("| measure | samples | p50 ms | p99 ms | max ms |");
        md.AppendLine("| --- | --- | --- | --- | --- |");
        foreach (var (name, samples) in rows)
        {
            var sorted = samples.Order().ToArray();
            md.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {sorted.Length:N0} | {Percentile(sorted, 0.5):0.###} | {Percentile(sorted, 0.99):0.###} | {sorted[^1]:0.###} |"));
        }
        md.AppendLine().Append(memory);
        return md.ToString();
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private async Task ExecuteAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
