using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Notifications.Webhooks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>One request as the receiver saw it, and whether its signature verified with the subscription's secret.</summary>
public sealed record ReceivedWebhook(string WebhookId, long Timestamp, string Body, bool SignatureValid, string? ContentType, DateTimeOffset ReceivedAt)
{
    public JsonElement CloudEvent => JsonDocument.Parse(Body).RootElement.Clone();
    public long Sequence => long.Parse(CloudEvent.GetProperty("sequence").GetString()!);
}

/// <summary>
/// A real HTTP receiver: Kestrel on a loopback port. It verifies every request's Standard Webhooks signature
/// with <see cref="Secret"/>, records it, and answers what <see cref="Answer"/> says (default 204). It can be
/// stopped and started again on the same port, as a receiver that is down for a while.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private WebApplication? _app;

    private WebhookReceiver() { }

    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/hook";
    public string? Secret { get; set; }

    /// <summary>Decides the answer to each request, given the count of requests received before it.</summary>
    public Func<ReceivedWebhook, int, Task<IResult>> Answer { get; set; } = (_, _) => Task.FromResult(Results.NoContent());

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.StartOnAsync(0);
        return receiver;
    }

    /// <summary>Starts again on the same port after <see cref="StopAsync"/>.</summary>
    public Task RestartAsync() => StartOnAsync(Port);

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task StartOnAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapPost("/hook", HandleAsync);
        await app.StartAsync();
        Port = new Uri(app.Urls.Single()).Port;
        _app = app;
    }

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var id = request.Headers[WebhookSignature.IdHeader].ToString();
        long.TryParse(request.Headers[WebhookSignature.TimestampHeader].ToString(), out var timestamp);
        var signature = request.Headers[WebhookSignature.SignatureHeader].ToString();
        var valid = Secret is not null && WebhookSignature.Verify(Secret, id, timestamp, body, signature);
        var received = new ReceivedWebhook(id, timestamp, body, valid, request.ContentType, DateTimeOffset.UtcNow);
        var before = _received.Count;
        _received.Enqueue(received);
        return await Answer(received, before);
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
