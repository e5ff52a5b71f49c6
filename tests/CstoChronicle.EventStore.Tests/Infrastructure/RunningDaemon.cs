using CstoChronicle.EventStore.Daemon;

namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>A daemon running in the background until the test stops it (as its hosted service would).</summary>
public sealed class RunningDaemon : IAsyncDisposable
{
    public static readonly ProjectionDaemonOptions FastOptions = new()
    {
        BatchSize = 4,
        PollInterval = TimeSpan.FromMilliseconds(200),
        LeadershipRetryInterval = TimeSpan.FromMilliseconds(100),
        LeaseCheckInterval = TimeSpan.FromMilliseconds(100),
        ErrorBackoff = TimeSpan.FromMilliseconds(100),
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private RunningDaemon(ProjectionDaemon daemon)
    {
        Daemon = daemon;
        _run = Task.Run(() => daemon.RunAsync(_stop.Token));
    }

    public ProjectionDaemon Daemon { get; }

    public static RunningDaemon Start(PostgresSchemaFixture db, params IProjection[] projections) =>
        Start(db, FastOptions, projections);

    public static RunningDaemon Start(PostgresSchemaFixture db, ProjectionDaemonOptions options, params IProjection[] projections) =>
        new(new ProjectionDaemon(db.DataSource, db.Options, projections, options));

    public Task WaitUntilLeaderAsync() => Eventually.HoldsAsync(() => Daemon.IsLeader, "the daemon to take the lead");

    public Task WaitForCheckpointAsync(string projection, long position) =>
        Eventually.HoldsAsync(async () => await Daemon.GetCheckpointAsync(projection) >= position, $"{projection} to reach position {position}");

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        await _run.WithinLimit("the daemon to stop");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
