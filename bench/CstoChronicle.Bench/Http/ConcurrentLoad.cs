using CstoChronicle.Bench.Measurement;

namespace CstoChronicle.Bench.Http;

/// <summary>Runs <c>total</c> operations spread over <c>clients</c> concurrent workers, adding each one's latency (and the wall time) to a recorder.</summary>
public static class ConcurrentLoad
{
    public static async Task RunAsync(LatencyRecorder recorder, int clients, int total, Func<int, Task> operation)
    {
        var next = -1;
        async Task Worker()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < total)
                await recorder.TimeAsync(() => operation(i));
        }
        recorder.Start();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(Worker)));
        recorder.Stop();
    }

    /// <summary>Warms both sides, then runs them in alternating halves so neither always meets a colder machine.</summary>
    public static async Task<(LatencySummary Measured, LatencySummary Baseline)> CompareAsync(
        int clients, int total, Func<int, Task> measured, Func<int, Task> baseline)
    {
        await RunAsync(new LatencyRecorder(), clients, Math.Min(200, total), measured);
        await RunAsync(new LatencyRecorder(), clients, Math.Min(200, total), baseline);
        var half = total / 2;
        var measuredRecorder = new LatencyRecorder();
        var baselineRecorder = new LatencyRecorder();
        await RunAsync(baselineRecorder, clients, half, baseline);
        await RunAsync(measuredRecorder, clients, half, measured);
        await RunAsync(measuredRecorder, clients, half, i => measured(half + i));
        await RunAsync(baselineRecorder, clients, half, i => baseline(half + i));
        return (measuredRecorder.Summarise(2L * half), baselineRecorder.Summarise(2L * half));
    }
}
