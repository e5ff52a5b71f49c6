using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>GET /api/v1/stream: every new event as Server-Sent Events, resumable by position.</summary>
public static class EventStreamApi
{
    public static IEndpointRouteBuilder MapEventStreamApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/stream", Stream)
            .WithName("StreamEvents")
            .WithTags("Notifications")
            .WithSummary("Events as Server-Sent Events: CloudEvents JSON, id = global position; resumes with Last-Event-ID or ?from=.")
            .WithDescription("Without a position the stream starts at the head and sends new events only. `types` and `entities` take comma-separated lists. " +
                             "A comment line is sent when the stream is idle, so proxies keep it open. " +
                             "Each client address may hold `Chronicle:Notifications:MaxStreamsPerAddress` streams (20) open on a node, beyond them 429; " +
                             "a node holds `Chronicle:Notifications:MaxStreams` (1000), beyond them 503; both with Retry-After.")
            .ProducesProblems(StatusCodes.Status429TooManyRequests)
            .WithResponseExample(StatusCodes.Status429TooManyRequests, Problems.TooManyStreams(20, TimeSpan.FromSeconds(10)));
        return routes;
    }

    private static async Task<Results<ServerSentEventsResult<string>, ProblemHttpResult>> Stream(
        HttpContext http,
        EventStreamReader reader,
        CommittedLog log,
        StreamAdmission admission,
        CatchUpGate gate,
        IOptions<NotificationSettings> settings,
        [AsParameters] StreamQuery query,
        CancellationToken ct)
    {
        if (!StreamFilter.TryParse(new StringValues(query.Types), new StringValues(query.Entities), out var filter, out var error))
            return TypedResults.Problem(Problems.InvalidParameter(error.Parameter, error.Message));

        long? after = null;
        if (http.Request.Headers["Last-Event-ID"] is { Count: > 0 } lastEventId && !StringValues.IsNullOrEmpty(lastEventId))
        {
            if (!TryParsePosition(lastEventId.ToString(), out var position))
                return TypedResults.Problem(Problems.InvalidParameter("Last-Event-ID", "must be a position (a whole number, 0 or more) sent as an event id."));
            after = position;
        }
        else if (query.From is { } from)
        {
            if (!TryParsePosition(from, out var position))
                return TypedResults.Problem(Problems.InvalidParameter("from", "must be a position (a whole number, 0 or more)."));
            after = position;
        }

        var limits = settings.Value;
        var admitted = admission.TryAdmit(http.Connection.RemoteIpAddress);
        if (admitted.Place is not { } place)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(limits.StreamRetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return TypedResults.Problem(admitted.Refusal == StreamRefusal.AddressFull
                ? Problems.TooManyStreams(limits.MaxStreamsPerAddress, limits.StreamRetryAfter)
                : Problems.StreamsFull(limits.MaxStreams, limits.StreamRetryAfter));
        }
        http.Response.RegisterForDispose(place);

        after ??= await gate.ReadAsync(log.HighWaterMarkAsync, ct);

        return TypedResults.ServerSentEvents(Items(http, reader.ReadAsync(after.Value, filter, ct), limits.HeartbeatInterval, after.Value, ct));
    }

    /// <summary>
    /// The events as SSE items, with heartbeat comments between them. SseItem cannot carry a comment, so the
    /// comments are written straight to the response body while the formatter waits for the next item:
    /// it writes and flushes each item before asking for the next, so the two never write at once.
    /// </summary>
    private static async IAsyncEnumerable<SseItem<string>> Items(
        HttpContext http, IAsyncEnumerable<StreamedEvent> events, TimeSpan heartbeat, long after, [EnumeratorCancellation] CancellationToken ct)
    {
        if (!await TryWriteCommentAsync(http, $"after position {after}", ct)) yield break;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var enumerator = events.GetAsyncEnumerator(stop.Token);
        var next = enumerator.MoveNextAsync().AsTask();
        try
        {
            while (true)
            {
                using (var beat = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    var winner = await Task.WhenAny(next, Task.Delay(heartbeat, beat.Token));
                    if (winner != next)
                    {
                        if (!await TryWriteCommentAsync(http, "heartbeat", ct)) yield break;
                        continue;
                    }
                    await beat.CancelAsync();
                }

                if (!await HasNextAsync(next, ct)) yield break;
                var e = enumerator.Current;
                yield return new SseItem<string>(e.CloudEvent) { EventId = e.Position.ToString(CultureInfo.InvariantCulture) };
                next = enumerator.MoveNextAsync().AsTask();
            }
        }
        finally
        {
            // The enumerator may only be disposed once its pending read has ended.
            await stop.CancelAsync();
            await Task.WhenAny(next);
            await enumerator.DisposeAsync();
        }
    }

    private static async Task<bool> HasNextAsync(Task<bool> next, CancellationToken ct)
    {
        try
        {
            return await next;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>False when the client has gone.</summary>
    private static async Task<bool> TryWriteCommentAsync(HttpContext http, string text, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return false;
        try
        {
            await http.Response.Body.WriteAsync(System.Text.Encoding.UTF8.GetBytes($": {text}\n\n"), ct);
            await http.Response.Body.FlushAsync(ct);
            return true;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            return false;
        }
    }

    private static bool TryParsePosition(string text, out long position) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out position);

    public sealed record StreamQuery(string[]? Types, string[]? Entities, string? From);
}
