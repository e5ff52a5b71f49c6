using CstoChronicle.Domain.Store;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CstoChronicle.Api.Health;

/// <summary>
/// Unhealthy when a projection or subscription of Marten's daemon has stopped on a failing event (the chronicle does
/// not let Marten skip it), naming the shard and the first event it has not projected. Only the node that leads the
/// daemon can tell; the others answer healthy and say so.
/// </summary>
public sealed class ProjectionsHealthCheck(IProjectionCoordinator coordinator, IDocumentStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var daemon = coordinator.DaemonForMainDatabase();
        if (!daemon.IsRunning) return HealthCheckResult.Healthy("Another node leads the projection daemon.");
        var stopped = await ProjectionStatus.StoppedAsync(daemon, store, ct);
        if (stopped.Count == 0) return HealthCheckResult.Healthy("Every projection and subscription runs.");
        return HealthCheckResult.Unhealthy("Stopped on a failing event (see the log): " + string.Join("; ", stopped.Select(s =>
            $"{s.Name} at position {s.Position}, next event {s.NextPosition} ({s.NextEventType} {s.NextEventId})")));
    }
}
