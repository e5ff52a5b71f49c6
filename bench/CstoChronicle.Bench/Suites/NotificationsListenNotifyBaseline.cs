using System.Diagnostics;
using Npgsql;

namespace CstoChronicle.Bench.Suites;

/// <summary>The floor under every notification: a raw NOTIFY on one connection until a LISTEN connection receives it.</summary>
public static class NotificationsListenNotifyBaseline
{
    public static async Task<List<double>> MeasureAsync(NpgsqlDataSource dataSource, int roundTrips)
    {
        const string channel = "bench_notify_round_trip";
        await using var listener = await dataSource.OpenConnectionAsync();
        await using var sender = await dataSource.OpenConnectionAsync();
        var received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        listener.Notification += (_, _) => received.TrySetResult();
        await using (var listen = new NpgsqlCommand($"LISTEN {channel}", listener)) await listen.ExecuteNonQueryAsync();
        await using var notify = new NpgsqlCommand($"NOTIFY {channel}", sender);

        using var stop = new CancellationTokenSource();
        var waiting = Task.Run(async () =>
        {
            try { while (!stop.IsCancellationRequested) await listener.WaitAsync(stop.Token); }
            catch (OperationCanceledException) { }
        });

        var milliseconds = new List<double>(roundTrips);
        for (var i = 0; i < roundTrips + 20; i++)
        {
            received = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = Stopwatch.GetTimestamp();
            await notify.ExecuteNonQueryAsync();
            await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= 20) milliseconds.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        await stop.CancelAsync();
        await waiting;
        return milliseconds;
    }
}
