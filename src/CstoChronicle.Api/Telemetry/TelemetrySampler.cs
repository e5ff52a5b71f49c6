using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Telemetry;

/// <summary>
/// Reads the instruments that need a query (projection lag, webhook backlog) every
/// <see cref="TelemetrySettings.SampleInterval"/> into <see cref="ChronicleMetrics"/>. While PostgreSQL does not
/// answer the gauges keep their last values; the outage itself is logged once (DatabaseOutage).
/// </summary>
public sealed class TelemetrySampler(
    ChronicleMetrics metrics,
    IDeliveryBacklog backlog,
    NpgsqlDataSource dataSource,
    ChronicleStoreSettings storeSettings,
    IOptions<TelemetrySettings> settings,
    ILogger<TelemetrySampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(settings.Value.SampleInterval);
        do
        {
            await SampleAsync(ct);
        } while (await timer.WaitForNextTickAsync(ct));
    }

    public async Task SampleAsync(CancellationToken ct)
    {
        IReadOnlyList<ShardLag>? lags = null;
        IReadOnlyList<SubscriptionBacklog>? waiting = null;
        try
        {
            lags = await ProjectionLag.ReadAsync(dataSource, storeSettings.Schema, ct);
            waiting = await backlog.ReadAsync(ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            // Tables not made yet, or PostgreSQL away: the gauges keep their last values.
            logger.LogDebug("Could not sample the projection lag or the webhook backlog: {Reason}", e.Message);
        }
        metrics.Update(lags, waiting);
    }
}
