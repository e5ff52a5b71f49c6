using Microsoft.Extensions.Logging.Console;

namespace CstoChronicle.Api.Logging;

/// <summary>
/// The console log: readable lines in Development (what ./run.sh starts), compact JSON elsewhere, or as
/// <c>Chronicle:Logging:Format</c> (<c>text</c>, <c>json</c>) says. Each line of a request carries its request id and
/// trace id; a PostgreSQL outage is one line when it starts and one when it ends (<see cref="DatabaseOutage"/>).
/// </summary>
public static class LoggingSetup
{
    public const string FormatKey = "Chronicle:Logging:Format";

    public static WebApplicationBuilder AddChronicleLogging(this WebApplicationBuilder builder)
    {
        var logging = builder.Logging;
        logging.ClearProviders();
        logging.Configure(options => options.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        // Marten logs every schema change's full SQL at Information; warnings and errors are what an operator needs.
        logging.AddFilter("Marten.IDocumentStore", LogLevel.Warning);
        // Wolverine logs its tables' full SQL, every message sent and every agent at Information or Debug; a delivery's
        // attempts are in the delivery log, and its failures and warnings are still logged.
        logging.AddFilter("Wolverine", LogLevel.Warning);
        // ASP.NET Core's lines per request give way to RequestLogMiddleware's one; its warnings and errors stay.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        // Authentication handlers log two lines for every request without a valid key; the 401 line says it.
        logging.AddFilter("CstoChronicle.Api.Security", LogLevel.Warning);
        // An unhealthy check is logged as an error on every probe; /health/ready answers it, and outages are logged once.
        logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None);

        var format = builder.Configuration[FormatKey]?.ToLowerInvariant() switch
        {
            "text" => TextLogFormatter.Name,
            "json" => JsonLogFormatter.Name,
            null or "" or "auto" => builder.Environment.IsDevelopment() ? TextLogFormatter.Name : JsonLogFormatter.Name,
            var other => throw new InvalidOperationException($"{FormatKey} must be text, json or auto, not '{other}'."),
        };
        logging.AddConsole(options => options.FormatterName = format);
        logging.AddConsoleFormatter<TextLogFormatter, ConsoleFormatterOptions>();
        logging.AddConsoleFormatter<JsonLogFormatter, ConsoleFormatterOptions>();

        builder.Services.AddSingleton<DatabaseOutage>();
        builder.Services.AddHostedService<DatabaseOutageWatch>();
        return builder;
    }
}
