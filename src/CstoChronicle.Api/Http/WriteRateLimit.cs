using System.Threading.RateLimiting;
using CstoChronicle.Api.Platform;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Http;

/// <summary>The "writes" rate limit: Chronicle:WritesPerMinute per API key (per client address before authentication), 429 as problem details.</summary>
public static class WriteRateLimit
{
    public const string Policy = "writes";

    public static IServiceCollection AddChronicleRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.User.Identity?.Name ?? "address:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, context.RequestServices.GetRequiredService<IOptions<ChronicleSettings>>().Value.WritesPerMinute),
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            options.OnRejected = async (rejected, ct) =>
            {
                var http = rejected.HttpContext;
                TimeSpan? retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
                if (retryAfter is { } seconds) http.Response.Headers.RetryAfter = Math.Ceiling(seconds.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = Problems.RateLimited(retryAfter) });
            };
        });
        return services;
    }
}
