namespace CstoChronicle.Bench.Measurement;

/// <summary>One figure of the project beside its raw-Npgsql baseline, measured in the same run.</summary>
public sealed record Comparison(string Name, string Unit, LatencySummary Measured, LatencySummary Baseline, string BaselineDescription, double? Target)
{
    /// <summary>Throughput ratio measured / baseline (1.0 = as fast as raw).</summary>
    public double Ratio => Measured.UnitsPerSecond / Math.Max(Baseline.UnitsPerSecond, 1e-9);

    public bool? MeetsTarget => Target is null ? null : Ratio >= Target;
}
