using CstoChronicle.Api.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Health;

public sealed record HealthAnswer(string Status, IReadOnlyDictionary<string, HealthCheckAnswer> Checks);

public sealed record HealthCheckAnswer(string Status, string? Description);

/// <summary>/health/live (the process answers) and /health/ready (PostgreSQL answers too).</summary>
public static class HealthApi
{
    private const string ReadyTag = "ready";

    public static IServiceCollection AddChronicleHealth(this IServiceCollection services)
    {
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
            .WithName("Readiness").WithSummary("Readiness: PostgreSQL answers (503 when it does not).")
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
        return report.Status == HealthStatus.Healthy
            ? TypedResults.Ok(answer)
            : TypedResults.Json(answer, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static string Name(HealthStatus status) => status.ToString().ToLowerInvariant();
}
