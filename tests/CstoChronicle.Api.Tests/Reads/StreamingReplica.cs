using System.Diagnostics;
using CstoChronicle.Api.Tests.Platform;
using Npgsql;

namespace CstoChronicle.Api.Tests.Reads;

/// <summary>
/// A real streaming replica of the test PostgreSQL (hot standby), made once for a test class by
/// <c>scripts/postgres.sh replica</c> (pg_basebackup -R) in a temporary folder, destroyed afterwards.
/// </summary>
public sealed class StreamingReplica : IAsyncLifetime
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chronicle-replica-" + Guid.NewGuid().ToString("N")[..12]);

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var primary = new NpgsqlConnectionStringBuilder(await TestDatabase.ConnectionStringAsync());
        // The replica is a copy of the cluster, reached as its superuser (pg_basebackup and pausing replay need one).
        var of = $"Host={primary.Host};Port={primary.Port};Username=postgres;Database={primary.Database}";
        var (exit, output, error) = await ScriptAsync("replica", _folder, "--of", of);
        if (exit != 0)
        {
            await ScriptAsync("destroy", _folder);
            throw new InvalidOperationException($"scripts/postgres.sh replica failed ({exit}):\n{error}");
        }
        var replica = new NpgsqlConnectionStringBuilder(output.Trim()) { MaxPoolSize = 30 };
        ConnectionString = replica.ConnectionString;
    }

    /// <summary>Stops applying WAL on the replica: it keeps answering, at the position it had reached.</summary>
    public async Task PauseReplayAsync()
    {
        await ExecuteAsync("SELECT pg_wal_replay_pause()");
        // A pause is requested first and takes effect at the next record replayed.
        await Eventually.HoldsAsync(async () => await ScalarAsync<string>("SELECT pg_get_wal_replay_pause_state()") == "paused", "the replica's replay to pause");
    }

    public Task ResumeReplayAsync() => ExecuteAsync("SELECT pg_wal_replay_resume()");

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ScriptAsync("destroy", _folder);
    }

    private static async Task<(int ExitCode, string Output, string Error)> ScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(Repository.Root, "scripts", "postgres.sh"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository.Root,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await output, await error + "\n(gave up after 5 minutes)");
        }
        return (process.ExitCode, await output, await error);
    }
}
