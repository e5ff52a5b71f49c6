using CstoChronicle.EventStore.Daemon;
using CstoChronicle.EventStore.Notifications;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CstoChronicle.EventStore.Delivery;

/// <summary>
/// Runs the fan-out on one process per database and schema: a projection daemon of its own, elected by
/// its own advisory lock (so it leads independently of the projection daemon), woken by the store's
/// event notifications. <see cref="RunAsync"/> is meant for a hosted service on every node.
/// </summary>
public sealed class DeliveryFanOut
{
    public const string CheckpointName = "es_delivery_fanout";
    public const string LeaseName = "es_delivery_fanout";

    private readonly ProjectionDaemon _daemon;

    /// <param name="formatPayload">Turns an event into the body every subscription receives for it; stored, so retries send the same bytes.</param>
    public DeliveryFanOut(
        NpgsqlDataSource dataSource,
        EventStoreOptions storeOptions,
        DeliveryOptions options,
        Func<RecordedEvent, string> formatPayload,
        NotificationListener? listener = null,
        ILogger<ProjectionDaemon>? logger = null)
    {
        _daemon = new ProjectionDaemon(dataSource, storeOptions, [new FanOutProjection(formatPayload)], new ProjectionDaemonOptions
        {
            BatchSize = options.FanOutBatchSize,
            PollInterval = options.PollInterval,
            LeadershipRetryInterval = options.LeadershipRetryInterval,
            LeaseCheckInterval = options.LeaseCheckInterval,
            ErrorBackoff = options.PollInterval,
            LeaseName = LeaseName,
        }, listener, logger);
    }

    public bool IsLeader => _daemon.IsLeader;

    public Task RunAsync(CancellationToken ct) => _daemon.RunAsync(ct);

    /// <summary>The last position fanned out.</summary>
    public Task<long> GetCheckpointAsync(CancellationToken ct = default) => _daemon.GetCheckpointAsync(CheckpointName, ct);
}
