namespace CstoChronicle.Bench.Measurement;

/// <summary>The machine's 1-minute load average (Linux /proc/loadavg): how busy the shared cores were around a run.</summary>
public static class MachineLoad
{
    public static string OneMinute() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
