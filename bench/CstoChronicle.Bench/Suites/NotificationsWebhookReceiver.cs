using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CstoChronicle.Bench.Suites;

/// <summary>A plain HTTP receiver on loopback that notes when each webhook-id arrived and answers 204.</summary>
public sealed class NotificationsWebhookReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _arrivals = new();
    private readonly Task _loop;

    public NotificationsWebhookReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public IReadOnlyDictionary<string, long> Arrivals => _arrivals;

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) { return; }
            var now = Stopwatch.GetTimestamp();
            if (context.Request.Headers["webhook-id"] is { } id) _arrivals.TryAdd(id, now);
            using (var drain = new StreamReader(context.Request.InputStream)) await drain.ReadToEndAsync();
            context.Response.StatusCode = 204;
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
