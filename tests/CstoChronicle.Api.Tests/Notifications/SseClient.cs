using System.Threading.Channels;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>One SSE message: its id (a position) and data (a CloudEvent), or a comment line.</summary>
public sealed record SseMessage(string? Id, string? Data, string? Comment);

/// <summary>Reads an SSE response line by line in the background and hands the messages to the test.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly Channel<SseMessage> _messages = Channel.CreateUnbounded<SseMessage>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpResponseMessage _response;
    private readonly Task _pump;

    private SseClient(HttpResponseMessage response)
    {
        _response = response;
        _pump = Task.Run(PumpAsync);
    }

    public HttpResponseMessage Response => _response;

    public static async Task<SseClient> ConnectAsync(HttpClient http, string url, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (lastEventId is not null) request.Headers.Add("Last-Event-ID", lastEventId);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WithinLimit("the stream to answer");
        return new SseClient(response);
    }

    /// <summary>The next event (comments skipped).</summary>
    public async Task<SseMessage> NextEventAsync()
    {
        while (true)
        {
            var message = await _messages.Reader.ReadAsync().AsTask().WithinLimit("the next stream event");
            if (message.Comment is null) return message;
        }
    }

    public async Task<List<SseMessage>> NextEventsAsync(int count)
    {
        var events = new List<SseMessage>();
        for (var i = 0; i < count; i++) events.Add(await NextEventAsync());
        return events;
    }

    /// <summary>Waits for a comment line whose text satisfies the condition.</summary>
    public async Task<string> NextCommentAsync(Func<string, bool> condition)
    {
        while (true)
        {
            var message = await _messages.Reader.ReadAsync().AsTask().WithinLimit("a comment line");
            if (message.Comment is { } comment && condition(comment)) return comment;
        }
    }

    private async Task PumpAsync()
    {
        try
        {
            await using var body = await _response.Content.ReadAsStreamAsync(_stop.Token);
            using var reader = new StreamReader(body);
            string? id = null;
            var data = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Count > 0) await _messages.Writer.WriteAsync(new SseMessage(id, string.Join('\n', data), null));
                    id = null;
                    data.Clear();
                }
                else if (line.StartsWith(':')) await _messages.Writer.WriteAsync(new SseMessage(null, null, line[1..].Trim()));
                else if (line.StartsWith("id:")) id = line[3..].Trim();
                else if (line.StartsWith("data:")) data.Add(line[5..].TrimStart());
            }
            _messages.Writer.TryComplete();
        }
        catch (Exception e)
        {
            _messages.Writer.TryComplete(e is OperationCanceledException ? null : e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try { await _pump; } catch (Exception) { }
        _stop.Dispose();
    }
}
