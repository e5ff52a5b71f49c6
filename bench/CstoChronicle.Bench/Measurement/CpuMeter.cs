using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace CstoChronicle.Bench.Measurement;

/// <summary>
/// CPU time (user and system, Linux /proc) used during a run by this program and by the whole PostgreSQL server:
/// the postmaster, every live child (connections, WAL writer, checkpointer, autovacuum) and, through the postmaster's
/// counters of reaped children, every child that ended meanwhile. Wall time follows the load of the shared cores;
/// CPU time per event is the steadier measure. The server's figure is null when it does not run on this machine.
/// </summary>
public sealed class CpuMeter
{
    private readonly int? _postmaster;

    private CpuMeter(int? postmaster) => _postmaster = postmaster;

    /// <summary>A meter of this process and of the server behind <paramref name="dataSource"/> (its postmaster is the parent of a connection's process).</summary>
    public static async Task<CpuMeter> CreateAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT pg_backend_pid()");
        var backend = (int)(await command.ExecuteScalarAsync())!;
        return new CpuMeter(Stat(backend) is { } stat ? int.Parse(stat[1], CultureInfo.InvariantCulture) : null);
    }

    /// <summary>CPU time used so far; the difference of two readings is the CPU time of what ran between them.</summary>
    public CpuTimes Now() => new(Process.GetCurrentProcess().TotalProcessorTime, ServerTime());

    private TimeSpan? ServerTime()
    {
        if (_postmaster is not { } postmaster || Stat(postmaster) is not { } own) return null;
        // utime, stime, then cutime, cstime: the children it has reaped.
        long ticks = Ticks(own, 11) + Ticks(own, 12) + Ticks(own, 13) + Ticks(own, 14);
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || Stat(pid) is not { } stat) continue;
            if (stat[1] == postmaster.ToString(CultureInfo.InvariantCulture)) ticks += Ticks(stat, 11) + Ticks(stat, 12);
        }
        return TimeSpan.FromSeconds(ticks / (double)TicksPerSecond);
    }

    /// <summary>CPU time (user and system) process <paramref name="pid"/> has used so far; null when it is not on this machine or gone.</summary>
    public static TimeSpan? ProcessTime(int pid) =>
        Stat(pid) is { } stat ? TimeSpan.FromSeconds((Ticks(stat, 11) + Ticks(stat, 12)) / (double)TicksPerSecond) : null;

    // USER_HZ: 100 on every Linux this runs on.
    private const int TicksPerSecond = 100;

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] parent, [11] utime, [12] stime, [13] cutime, [14] cstime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Ticks(string[] stat, int field) => long.Parse(stat[field], CultureInfo.InvariantCulture);
}

/// <summary>CPU time of this program and of the PostgreSQL server (null when it is not on this machine).</summary>
public sealed record CpuTimes(TimeSpan Own, TimeSpan? Server)
{
    public static readonly CpuTimes Zero = new(TimeSpan.Zero, TimeSpan.Zero);

    public static CpuTimes operator -(CpuTimes a, CpuTimes b) => new(a.Own - b.Own, a.Server - b.Server);
    public static CpuTimes operator +(CpuTimes a, CpuTimes b) => new(a.Own + b.Own, a.Server + b.Server);

    public double OwnPer(long units) => Own.TotalMicroseconds / units;
    public double? ServerPer(long units) => Server?.TotalMicroseconds / units;

    public string PerEvent(long events) =>
        $"{OwnPer(events):0.0} µs in this process, " +
        (ServerPer(events) is { } server ? $"{server:0.0} µs in PostgreSQL" : "PostgreSQL not on this machine");
}
