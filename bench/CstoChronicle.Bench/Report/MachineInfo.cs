using System.Runtime.InteropServices;
using Npgsql;

namespace CstoChronicle.Bench.Report;

/// <summary>What the figures were measured on: they mean little without it.</summary>
public sealed record MachineInfo(string Os, int Cores, string Memory, string Runtime, string PostgreSql, IReadOnlyList<(string Name, string Value)> Settings)
{
    private static readonly string[] SettingNames = ["fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_connections"];

    public static async Task<MachineInfo> ReadAsync(NpgsqlDataSource dataSource)
    {
        await using var version = dataSource.CreateCommand("SHOW server_version");
        var server = (string)(await version.ExecuteScalarAsync())!;
        var settings = new List<(string, string)>();
        foreach (var name in SettingNames)
        {
            await using var show = dataSource.CreateCommand("SELECT current_setting($1)");
            show.Parameters.Add(new NpgsqlParameter { Value = name });
            settings.Add((name, (string)(await show.ExecuteScalarAsync())!));
        }
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        return new MachineInfo(RuntimeInformation.OSDescription, Environment.ProcessorCount, $"{memory:F1} GiB",
            RuntimeInformation.FrameworkDescription, server, settings);
    }
}
