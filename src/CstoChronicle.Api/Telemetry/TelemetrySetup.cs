using System.Diagnostics.Metrics;
using CstoChronicle.Api.Notifications.EventStream;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CstoChronicle.Api.Telemetry;

/// <summary>
/// OpenTelemetry traces and metrics: ASP.NET Core, HttpClient (webhook deliveries), Npgsql, Marten's activities
/// and meter, Wolverine's (collected once it is in the process), and the service's own (<see cref="ChronicleMetrics"/>).
/// Exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set, scraped by Prometheus at /metrics unless turned off.
/// </summary>
public static class TelemetrySetup
{
    public const string ServiceName = "csto-chronicle";
    public const string ActivitySourceName = "CstoChronicle";
    private static readonly string[] ForeignSources = ["Marten", "Wolverine"];

    public static WebApplicationBuilder AddChronicleTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetrySettings.Section);
        var settings = section.Get<TelemetrySettings>() ?? new TelemetrySettings();
        var services = builder.Services;
        services.AddOptions<TelemetrySettings>().Bind(section)
            .Validate(s => s.SampleInterval > TimeSpan.Zero, "Chronicle:Telemetry:SampleInterval must be positive")
            .Validate(s => s.PrometheusPath.StartsWith('/'), "Chronicle:Telemetry:PrometheusPath must start with /")
            .Validate(s => s.PrometheusPort is null or > 0 and < 65536, "Chronicle:Telemetry:PrometheusPort must be a port number")
            .ValidateOnStart();
        services.AddSingleton<ChronicleMetrics>();
        services.AddSingleton<IDeliveryBacklog, DeliveryQueueBacklog>();
        services.AddSingleton<TelemetrySampler>();
        services.AddHostedService(provider => provider.GetRequiredService<TelemetrySampler>());
        if (!settings.Enabled) return builder;

        // Marten: one activity per session's connection (its commands as events on it) and counters of appended events.
        services.ConfigureMarten(options =>
        {
            options.OpenTelemetry.TrackConnections = JasperFx.OpenTelemetry.TrackLevel.Normal;
            options.OpenTelemetry.TrackEventCounters();
        });

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName, serviceInstanceId: Environment.MachineName + ":" + Environment.ProcessId));
        // The sampler reads the settings when the provider is built, so that every configuration source counts.
        telemetry.WithTracing(tracing => tracing
                .SetSampler(provider => provider.GetRequiredService<IOptions<TelemetrySettings>>().Value.Tracing ?? otlp
                    ? new ParentBasedSampler(new AlwaysOnSampler())
                    : new AlwaysOffSampler())
                .AddAspNetCoreInstrumentation(options => options.Filter = context => !IsScrape(context, settings))
                .AddHttpClientInstrumentation()
                .AddNpgsql()
                .AddSource(ActivitySourceName)
                .AddSource(ForeignSources));
        telemetry.WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddMeter(ChronicleMetrics.MeterName)
                    .AddMeter(ForeignSources);
                metrics.AddPrometheusExporter();
            });
        services.ConfigureOpenTelemetryMeterProvider((provider, metrics) => metrics.AddView(OnlyThisHost(provider.GetRequiredService<IMeterFactory>())));
        if (otlp) telemetry.UseOtlpExporter();

        if (settings.Prometheus && settings.PrometheusPort is { } port)
        {
            var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
            builder.WebHost.UseUrls([.. (string.IsNullOrWhiteSpace(urls) ? Platform.ChronicleSettings.DefaultUrl : urls).Split(';'), $"http://*:{port}"]);
        }
        return builder;
    }

    /// <summary>Counts writes; when the scrape endpoint has a port of its own, keeps it and the API apart.</summary>
    public static WebApplication UseChronicleTelemetry(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetrySettings>>().Value;
        if (settings is { Enabled: true, Prometheus: true, PrometheusPort: { } port })
            app.Use((context, next) =>
            {
                var onMetricsPort = context.Connection.LocalPort == port;
                if (onMetricsPort == IsScrape(context, settings)) return next(context);
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
        return app;
    }

    public static WebApplication MapChronicleMetrics(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<IOptions<TelemetrySettings>>().Value;
        if (settings is { Enabled: true, Prometheus: true })
            app.MapPrometheusScrapingEndpoint(settings.PrometheusPath).DisableRateLimiting().ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// A view that drops the instruments of meters another host's <see cref="IMeterFactory"/> made. OpenTelemetry listens
    /// to meters by name across the whole process, and instruments of the same name share one metric stream: where
    /// several hosts share a process (the tests' API nodes), one host stopping would retire that stream, and the
    /// surviving hosts' own series (ours and ASP.NET Core's) would never be exported again. Meters made without a
    /// factory (Npgsql's, Marten's) are kept.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisHost(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;

    private static bool IsScrape(HttpContext context, TelemetrySettings settings) =>
        context.Request.Path.Equals(settings.PrometheusPath, StringComparison.OrdinalIgnoreCase);
}
