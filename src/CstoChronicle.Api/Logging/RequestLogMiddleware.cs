using System.Diagnostics;

namespace CstoChronicle.Api.Logging;

/// <summary>
/// One line per request, when it ends: method, route (the endpoint's pattern, or the path), status and duration. It
/// replaces ASP.NET Core's four to six lines per request, which are turned down to warnings (LoggingSetup). Query
/// strings and headers are not logged: the Authorization header carries a key.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
            logger.LogInformation("{Method} {Route} answered {Status} in {ElapsedMs:0.0} ms",
                context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
}
