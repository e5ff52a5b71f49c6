using CstoChronicle.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Health;

public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

public sealed record HealthCheckAnswer(string Status, string? Description);

/// <summary>
/// /health/live: the process answers (no I/O). /health/ready: PostgreSQL answers and the projections run; 200 when
/// healthy or degraded (a projection lags beyond Chronicle:Health, the node still serves), 503 when unhealthy
/// (PostgreSQL does not answer, or a projection stopped on a failing event, which the answer names).
/// </summary>
public static class HealthApi
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddChronicleHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthSettings>().BindConfiguration(HealthSettings.Section)
            .Validate(s => s.MaxLagPositions >= 0 && s.MaxLagAge > TimeSpan.Zero, "Chronicle:Health needs MaxLagPositions of 0 or more and a positive MaxLagAge")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: [ReadyTag])
            .AddCheck<ProjectionsHealthCheck>("projections", tags: [ReadyTag]);
        return services;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").WithTags("Health").DisableRateLimiting();
        health.MapGet("/live", () => TypedResults.Ok(new HealthAnswer("healthy", new Dictionary<string, HealthCheckAnswer>())))
            .WithName("Liveness").WithSummary("Liveness: the process answers.").WithResponseExample(200, WriteExamples.Live);
        health.MapGet("/ready", ReadyAsync)
            .WithName("Readiness").WithSummary("Readiness: PostgreSQL answers and the projections run.")
            .WithDescription("200 with status healthy, or degraded when a projection or the high-water mark lags beyond Chronicle:Health's limits; " +
                "503 with status unhealthy when PostgreSQL does not answer or a projection stopped on a failing event (the check's description names it).")
            .WithResponseExample(200, WriteExamples.Ready)
            .Produces<HealthAnswer>(StatusCodes.Status503ServiceUnavailable).WithResponseExample(503, WriteExamples.Unready);
        return app;
    }

    private static async Task<Results<Ok<HealthAnswer>, JsonHttpResult<HealthAnswer>>> ReadyAsync(
        HealthCheckService checks, HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.CacheControl = "no-store";
        var report = await checks.CheckHealthAsync(c => c.Tags.Contains(ReadyTag), ct);
        var answer = new HealthAnswer(Name(report.Status),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckAnswer(Name(e.Value.Status), e.Value.Description)));
        return report.Status != HealthStatus.Unhealthy
            ? TypedResults.Ok(answer)
            : TypedResults.Json(answer, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
