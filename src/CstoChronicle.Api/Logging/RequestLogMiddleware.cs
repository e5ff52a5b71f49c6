using System.Diagnostics;

namespace CstoChronicle.Api.Logging;

/// <summary>
/// One line per request, when it ends: method, route (the endpoint's pattern, or the path), status and duration. It
/// replaces ASP.NET Core's four to six lines per request, which are turned down to warnings (LoggingSetup). Query
/// strings and headers are not logged: the Authorization header carries a key.
/// Reads that succeed within <see cref="SlowRead"/> are most of the traffic and are written at Debug; writes, failures
/// and slow reads at Information (decision 0107): under load a line per read cost the API a quarter of its CPU, most of
/// it contending for the console logger's queue. <c>Logging:LogLevel:CstoChronicle.Api.Logging.RequestLogMiddleware=Debug</c>
/// logs every read again.
/// </summary>
public sealed class RequestLogMiddleware(RequestDelegate next, ILogger<RequestLogMiddleware> logger)
{
    public static readonly TimeSpan SlowRead = TimeSpan.FromSeconds(1);

    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = Stopwatch.GetElapsedTime(started);
            var level = IsRead(context.Request.Method) && context.Response.StatusCode < 400 && elapsed < SlowRead ? LogLevel.Debug : LogLevel.Information;
            if (logger.IsEnabled(level))
            {
                var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value;
                logger.Log(level, "{Method} {Route} answered {Status} in {ElapsedMs:0.0} ms",
                    context.Request.Method, route, context.Response.StatusCode, elapsed.TotalMilliseconds);
            }
        }
    }

    private static bool IsRead(string method) => HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
}
