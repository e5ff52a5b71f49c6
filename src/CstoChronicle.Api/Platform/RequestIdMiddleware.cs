namespace CstoChronicle.Api.Platform;

/// <summary>
/// Every answer carries X-Request-Id: the id ASP.NET Core puts in every log line's scope (RequestId) and that
/// problem details carry as requestId, so a client's report finds its log lines.
/// </summary>
public sealed class RequestIdMiddleware(RequestDelegate next)
{
    public const string Header = "X-Request-Id";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[Header] = context.TraceIdentifier;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
