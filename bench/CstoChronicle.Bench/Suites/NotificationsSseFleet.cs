using System.Diagnostics;
using System.Net;

namespace CstoChronicle.Bench.Suites;

/// <summary>
/// Many SSE clients of one stream, each reading its own HTTP/1.1 connection and noting when each event id
/// (a position) arrived, as a Stopwatch timestamp.
/// </summary>
public sealed class NotificationsSseFleet : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<Client> _clients = [];
    private readonly CancellationTokenSource _stop = new();

    private NotificationsSseFleet(Uri baseAddress, int clients)
    {
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients + 10 })
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
    }

    public static async Task<NotificationsSseFleet> ConnectAsync(Uri baseAddress, string path, int clients)
    {
        var fleet = new NotificationsSseFleet(baseAddress, clients);
        using var gate = new SemaphoreSlim(50);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            await gate.WaitAsync();
            try { fleet.Add(await Client.ConnectAsync(fleet._http, path, fleet._stop.Token)); }
            finally { gate.Release(); }
        }));
        return fleet;
    }

    public int Count => _clients.Count;

    /// <summary>True when every client has received <paramref name="events"/> events.</summary>
    public bool AllReceived(int events) => _clients.All(c => c.Received >= events);

    public IEnumerable<(long Position, long Timestamp)> Arrivals => _clients.SelectMany(c => c.Arrivals);

    private void Add(Client client)
    {
        lock (_clients) _clients.Add(client);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients.Select(c => c.Reading));
        _http.Dispose();
        _stop.Dispose();
    }

    private sealed class Client
    {
        private readonly List<(long, long)> _arrivals = [];
        private int _received;

        public Task Reading { get; private set; } = Task.CompletedTask;
        public int Received => Volatile.Read(ref _received);
        public IReadOnlyList<(long Position, long Timestamp)> Arrivals { get { lock (_arrivals) return _arrivals.ToList(); } }

        public static async Task<Client> ConnectAsync(HttpClient http, string path, CancellationToken ct)
        {
            var response = await http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, ct);
            if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
            var client = new Client();
            var body = await response.Content.ReadAsStreamAsync(ct);
            client.Reading = Task.Run(() => client.ReadAsync(response, body, ct), CancellationToken.None);
            return client;
        }

        private async Task ReadAsync(HttpResponseMessage response, Stream body, CancellationToken ct)
        {
            using var _ = response;
            using var reader = new StreamReader(body);
            try
            {
                // SseFormatter writes data before id, so a message is complete at its blank line.
                long? id = null;
                while (await reader.ReadLineAsync(ct) is { } line)
                {
                    if (line.StartsWith("id: ", StringComparison.Ordinal)) id = long.Parse(line.AsSpan(4));
                    else if (line.Length == 0 && id is { } position)
                    {
                        var now = Stopwatch.GetTimestamp();
                        lock (_arrivals) _arrivals.Add((position, now));
                        Interlocked.Increment(ref _received);
                        id = null;
                    }
                }
            }
            catch (OperationCanceledException) { }
            catch (IOException) { }
        }
    }
}
