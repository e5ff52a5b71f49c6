using System.Diagnostics;

namespace CstoChronicle.Bench.Measurement;

/// <summary>Collects per-operation latencies and the wall time of a run, and summarises them.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _milliseconds = [];
    private readonly Stopwatch _wall = new();

    public void Start() => _wall.Start();
    public void Stop() => _wall.Stop();

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds) _milliseconds.Add(elapsed.TotalMilliseconds);
    }

    public async Task TimeAsync(Func<Task> operation)
    {
        var started = Stopwatch.GetTimestamp();
        await operation();
        Add(Stopwatch.GetElapsedTime(started));
    }

    public LatencySummary Summarise(long units) => LatencySummary.From(_milliseconds, _wall.Elapsed, units);
}

/// <summary>Throughput in units (events, queries) per second, and latency percentiles per operation.</summary>
public sealed record LatencySummary(long Operations, long Units, TimeSpan Wall, double UnitsPerSecond, double P50, double P99, double Max)
{
    public static LatencySummary From(IReadOnlyList<double> milliseconds, TimeSpan wall, long units)
    {
        var sorted = milliseconds.Order().ToArray();
        return new LatencySummary(
            sorted.Length, units, wall,
            units / Math.Max(wall.TotalSeconds, 1e-9),
            Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length == 0 ? 0 : sorted[^1]);
    }

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
