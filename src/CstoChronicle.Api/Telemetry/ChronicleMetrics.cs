using System.Diagnostics.Metrics;
using CstoChronicle.Api.Notifications.EventStream;
using CstoChronicle.Api.Reads;
using CstoChronicle.Domain.Store;
using Marten.Events.Daemon.Coordination;

namespace CstoChronicle.Api.Telemetry;

/// <summary>
/// The service's own instruments (meter <c>CstoChronicle</c>). Gauges that need a query read the last
/// <see cref="TelemetrySampler"/> snapshot, so a scrape never waits on PostgreSQL. Request duration by endpoint is
/// ASP.NET Core's <c>http.server.request.duration</c>, whose <c>http.route</c> tag names the endpoint.
/// </summary>
public sealed class ChronicleMetrics
{
    public const string MeterName = "CstoChronicle";

    private readonly Counter<long> _writes;
    private volatile Snapshot _snapshot = new([], []);

    private readonly KeyValuePair<string, object?> _schema;

    public ChronicleMetrics(IMeterFactory meters, StreamAdmission streams, IProjectionCoordinator coordinator, ChronicleStoreSettings store,
        TimelineMemory timeline)
    {
        var meter = meters.Create(MeterName);
        var node = new KeyValuePair<string, object?>("node", Environment.MachineName + ":" + Environment.ProcessId);
        // Every series names the store's schema: constant in production, it keeps apart stores that share a process (tests).
        var schema = _schema = new KeyValuePair<string, object?>("schema", store.Schema);
        _writes = meter.CreateCounter<long>("chronicle.writes", "{write}",
            "Writes (record, correct, retract, register a source) by outcome: created, replayed, precondition_failed (412), rejected (422), conflict, not_found, refused, failed.");
        meter.CreateObservableGauge("chronicle.sse.streams", () => new Measurement<int>(streams.Open, schema), "{stream}",
            "Event streams (GET /api/v1/stream) this node holds open.");
        meter.CreateObservableGauge("chronicle.daemon.leader", () => new Measurement<int>(coordinator.DaemonForMainDatabase().IsRunning ? 1 : 0, node, schema), "{node}",
            "1 on the node that leads Marten's async daemon (HotCold), 0 on the others.");
        meter.CreateObservableGauge("chronicle.timeline.memory.position", () => new Measurement<long>(timeline.Position, schema), "{position}",
            "The settled position up to which this node holds the timeline in memory; 0 while it holds none (pages are read from PostgreSQL).");
        meter.CreateObservableGauge("chronicle.timeline.memory.rows", () => new Measurement<long>(timeline.Rows, schema), "{row}",
            "Versions of facts this node holds in its in-memory timeline.");
        meter.CreateObservableGauge("chronicle.projection.lag.positions", () => _snapshot.Lags.Select(l =>
            new Measurement<long>(l.Positions, new KeyValuePair<string, object?>("shard", l.Name), schema)), "{position}",
            "Positions a daemon shard is behind the high-water mark (shard HighWaterMark: the mark behind the log's head).");
        meter.CreateObservableGauge("chronicle.projection.lag.seconds", () => _snapshot.Lags.Select(l =>
            new Measurement<double>(l.Seconds, new KeyValuePair<string, object?>("shard", l.Name), schema)), "s",
            "Age of the oldest event a daemon shard has not processed; 0 when level.");
        meter.CreateObservableGauge("chronicle.webhook.deliveries.waiting", () => _snapshot.Backlog.Select(b =>
            new Measurement<long>(b.Waiting, new KeyValuePair<string, object?>("subscription", b.SubscriptionId), schema)), "{delivery}",
            "Webhook deliveries waiting to be sent (first attempt or retry), per subscription.");
        meter.CreateObservableGauge("chronicle.webhook.dead_letters", () => _snapshot.Backlog.Select(b =>
            new Measurement<long>(b.DeadLetters, new KeyValuePair<string, object?>("subscription", b.SubscriptionId), schema)), "{delivery}",
            "Webhook deliveries that failed for good and were not replayed, per subscription.");
    }

    public void Write(string outcome, string? endpoint) =>
        _writes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("endpoint", endpoint ?? "unknown"), _schema);

    internal void Update(IReadOnlyList<ShardLag>? lags, IReadOnlyList<SubscriptionBacklog>? backlog)
    {
        var current = _snapshot;
        _snapshot = new Snapshot(lags ?? current.Lags, backlog ?? current.Backlog);
    }

    private sealed record Snapshot(IReadOnlyList<ShardLag> Lags, IReadOnlyList<SubscriptionBacklog> Backlog);
}
