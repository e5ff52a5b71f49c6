using CstoChronicle.Api.Idempotency;

namespace CstoChronicle.Api.Telemetry;

/// <summary>
/// Counts every write (an endpoint that takes an Idempotency-Key) by its outcome, read from the answer: so a stored
/// answer replayed by <see cref="IdempotencyMiddleware"/> counts as replayed, like a repeated event id (200).
/// </summary>
public sealed class WriteOutcomeMiddleware(RequestDelegate next, ChronicleMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IdempotentWrite>() is null)
        {
            await next(context);
            return;
        }
        var name = (endpoint as RouteEndpoint)?.RoutePattern.RawText;
        // Counted once the answer is complete: a refused body's problem (400) is written by the exception handler.
        context.Response.OnCompleted(() =>
        {
            metrics.Write(Outcome(context.Response), name);
            return Task.CompletedTask;
        });
        await next(context);
    }

    private static string Outcome(HttpResponse response) => response.StatusCode switch
    {
        _ when response.Headers.ContainsKey(IdempotentWrite.ReplayedHeader) => "replayed",
        StatusCodes.Status201Created => "created",
        StatusCodes.Status200OK => "replayed",
        StatusCodes.Status412PreconditionFailed => "precondition_failed",
        StatusCodes.Status422UnprocessableEntity => "rejected",
        StatusCodes.Status409Conflict => "conflict",
        StatusCodes.Status404NotFound => "not_found",
        >= 500 => "failed",
        _ => "refused",
    };
}
