namespace CstoChronicle.Api.Health;

/// <summary>The <c>Chronicle:Health</c> section: when a lagging projection makes /health/ready degraded.</summary>
public sealed class HealthSettings
{
    public const string Section = "Chronicle:Health";

    /// <summary>A projection, subscription or the high-water mark further behind than this many positions is degraded.</summary>
    public long MaxLagPositions { get; set; } = 1000;

    /// <summary>A projection, subscription or the high-water mark whose oldest unprocessed event is older than this is degraded.</summary>
    public TimeSpan MaxLagAge { get; set; } = TimeSpan.FromSeconds(30);
}
