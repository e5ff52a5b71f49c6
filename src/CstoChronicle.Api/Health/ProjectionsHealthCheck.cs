using CstoChronicle.Domain.Store;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Health;

/// <summary>
/// Unhealthy when a projection or subscription of Marten's daemon has stopped on a failing event (the chronicle does
/// not let Marten skip it), naming the shard and the event (only the node that leads the daemon can tell). Degraded
/// when a shard, or the high-water mark itself (no node leads the daemon), is further behind than
/// <see cref="HealthSettings"/> allows: every node sees that in Marten's progression table.
/// </summary>
public sealed class ProjectionsHealthCheck(
    IProjectionCoordinator coordinator,
    IDocumentStore store,
    NpgsqlDataSource dataSource,
    ChronicleStoreSettings storeSettings,
    IOptions<HealthSettings> settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        IReadOnlyList<ShardLag> lags;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            var daemon = coordinator.DaemonForMainDatabase();
            if (daemon.IsRunning)
            {
                var stopped = await ProjectionStatus.StoppedAsync(daemon, store, timeout.Token);
                if (stopped.Count > 0)
                    return HealthCheckResult.Unhealthy("Stopped on a failing event (see the log): " + string.Join("; ", stopped.Select(s =>
                        $"{s.Name} at position {s.Position}, failing on event {s.NextEventId} ({s.NextEventType}, position {s.NextPosition})")));
            }
            lags = await ProjectionLag.ReadAsync(dataSource, storeSettings.Schema, timeout.Token);
        }
        catch (Exception e) when (e is NpgsqlException or OperationCanceledException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The projections' progress cannot be read: PostgreSQL does not answer.");
        }

        var limits = settings.Value;
        var behind = lags.Where(l => l.Positions > limits.MaxLagPositions || l.Seconds > limits.MaxLagAge.TotalSeconds).ToList();
        var leads = coordinator.DaemonForMainDatabase().IsRunning ? "this node leads the daemon" : "another node leads the daemon";
        if (behind.Count > 0)
            return HealthCheckResult.Degraded($"Behind by more than {limits.MaxLagPositions} positions or {limits.MaxLagAge.TotalSeconds:0.#} s ({leads}): " +
                string.Join("; ", behind.Select(Describe)));
        var furthest = lags.OrderByDescending(l => l.Seconds).ThenByDescending(l => l.Positions).FirstOrDefault();
        return HealthCheckResult.Healthy(furthest is null || furthest.Positions == 0
            ? $"Every projection and subscription is level with the high-water mark ({leads})."
            : $"Every projection and subscription runs; furthest behind: {Describe(furthest)} ({leads}).");
    }

    private static string Describe(ShardLag lag) =>
        lag.Name == ProjectionLag.HighWaterMark
            ? $"the high-water mark is {lag.Positions} positions ({lag.Seconds:0.#} s) behind the log's head {lag.Target}"
            : $"{lag.Name} is {lag.Positions} positions ({lag.Seconds:0.#} s) behind the high-water mark {lag.Target}";
}
