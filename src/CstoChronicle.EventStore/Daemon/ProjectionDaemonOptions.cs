namespace CstoChronicle.EventStore.Daemon;

public sealed record ProjectionDaemonOptions
{
    /// <summary>Events read and applied per projection transaction.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>How often an idle leader re-reads the log when no notification arrives.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a standby daemon tries to take the lock.</summary>
    public TimeSpan LeadershipRetryInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the leader checks that its lock connection is still alive.</summary>
    public TimeSpan LeaseCheckInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a failing projection rests before it is retried (others go on).</summary>
    public TimeSpan ErrorBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The advisory lock (and lock connection name) that elects the leader. Daemons with different
    /// names lead independently, e.g. the projections and the delivery fan-out.
    /// </summary>
    public string LeaseName { get; init; } = DaemonLease.DefaultName;
}
