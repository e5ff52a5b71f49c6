namespace CstoChronicle.Api.Telemetry;

/// <summary>
/// The <c>Chronicle:Telemetry</c> section. OTLP export follows the standard OTEL_* variables (on when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set); these settings are the rest.
/// </summary>
public sealed class TelemetrySettings
{
    public const string Section = "Chronicle:Telemetry";

    /// <summary>False: no traces or metrics are collected at all (the benchmark's "telemetry off").</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Record traces: null (the default) records them only when OTEL_EXPORTER_OTLP_ENDPOINT gives them somewhere to
    /// go. The trace id of each request is in its log lines either way.
    /// </summary>
    public bool? Tracing { get; set; }

    /// <summary>Serve the Prometheus scrape endpoint.</summary>
    public bool Prometheus { get; set; } = true;

    /// <summary>The path of the Prometheus scrape endpoint.</summary>
    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>
    /// A port of its own for the scrape endpoint (the node then also listens there, on every interface): /metrics is
    /// answered only on that port, and that port answers nothing else. Null: the API's own address.
    /// </summary>
    public int? PrometheusPort { get; set; }

    /// <summary>How often the instruments that need a query (projection lag, webhook backlog) are read from PostgreSQL.</summary>
    public TimeSpan SampleInterval { get; set; } = TimeSpan.FromSeconds(5);
}
