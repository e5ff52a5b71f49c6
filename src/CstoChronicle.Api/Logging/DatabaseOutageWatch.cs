using Npgsql;

namespace CstoChronicle.Api.Logging;

/// <summary>While an outage is open, asks PostgreSQL every second whether it answers; the first answer ends the outage in the log.</summary>
public sealed class DatabaseOutageWatch(DatabaseOutage outage, NpgsqlDataSource dataSource, ILogger<DatabaseOutageWatch> logger) : BackgroundService
{
    public static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            await outage.OpenedAsync(ct);
            while (!await AnswersAsync(ct)) await Task.Delay(ProbeInterval, ct);
            if (outage.End() is { } ended)
                logger.LogWarning("PostgreSQL answers again: the outage lasted {OutageSeconds:0.0} s; {Suppressed} failures during it were not logged",
                    ended.Length.TotalSeconds, ended.Suppressed);
        }
    }

    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(timeout.Token);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return false;
        }
    }
}
