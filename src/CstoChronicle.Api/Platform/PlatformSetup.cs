using System.Text.Json;
using System.Text.Json.Serialization;
using CstoChronicle.Api.Health;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.Idempotency;
using CstoChronicle.Api.Logging;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Reads;
using CstoChronicle.Api.Security;
using CstoChronicle.Api.Telemetry;
using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Api.Platform;

/// <summary>Everything every endpoint relies on: configuration, logging, JSON, errors, security, limits, health, OpenAPI.</summary>
public static class PlatformSetup
{
    public static WebApplicationBuilder AddChroniclePlatform(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrWhiteSpace(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
            builder.WebHost.UseUrls(ChronicleSettings.DefaultUrl);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        builder.AddChronicleLogging();

        var services = builder.Services;
        services.AddOptions<ChronicleSettings>().Bind(builder.Configuration.GetSection(ChronicleSettings.Section))
            .Validate(s => CstoChronicle.Domain.Store.SchemaName.IsValid(s.Schema), "Chronicle:Schema must match ^[a-z_][a-z0-9_]{0,62}$")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);
        services.AddChronicleDatabase(builder.Configuration);
        services.AddChronicle();
        services.AddChronicleReads(builder.Configuration);

        services.ConfigureHttpJsonOptions(options => Configure(options.SerializerOptions));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddChronicleProblemDetails();
        services.AddChronicleSecurity();
        services.AddChronicleRateLimiting();
        services.AddSingleton<ProcessLease>();
        services.AddHostedService(provider => provider.GetRequiredService<ProcessLease>());
        services.AddSingleton<IdempotencyStore>();
        services.AddChronicleHealth();
        services.AddChronicleOpenApi();
        builder.AddChronicleTelemetry();
        return builder;
    }

    public static WebApplication UseChroniclePlatform(this WebApplication app)
    {
        app.UseChronicleTelemetry();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseExceptionHandler();
        app.UseChronicleStatusCodeProblems();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseChronicleOpenApi();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseMiddleware<StorableTextMiddleware>();
        app.UseMiddleware<WriteOutcomeMiddleware>();
        app.UseMiddleware<IdempotencyMiddleware>();
        app.MapHealthApi();
        app.MapChronicleMetrics();
        return app;
    }

    /// <summary>The chronicle's JSON shape (ChronicleJson) with nulls written, read strictly: a field a request does not have, or a field twice, is refused.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        ChronicleJson.Configure(options);
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.RespectRequiredConstructorParameters = true;
        options.Converters.Add(new UtcInstantConverter());
        options.AllowDuplicateProperties = false;
        // Nulls are written: "holder": null says the office was vacant, which a missing field does not.
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
    }
}
