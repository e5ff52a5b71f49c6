using Npgsql;
using Wolverine.Runtime;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// Starts Wolverine in place of its own hosted service. Wolverine's start reads and writes its tables, and fails the whole
/// host when PostgreSQL does not answer; the API must start all the same (/health/ready says what is wrong). So when the
/// database does not answer, Wolverine is started later, once it does, and appends refuse with a 503 until then
/// (<see cref="WebhookOutbox"/>): an event is never stored without its fan-out message.
/// </summary>
public sealed class WolverineStarter(IWolverineRuntime runtime, NpgsqlDataSource dataSource, ILogger<WolverineStarter> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _waiting = Task.CompletedTask;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsStarted => _started.Task.IsCompletedSuccessfully;

    /// <summary>Completes once Wolverine runs (at once, or when PostgreSQL first answers).</summary>
    public Task Started => _started.Task;

    public async Task StartAsync(CancellationToken ct)
    {
        if (await AnswersAsync(ct))
        {
            await StartRuntimeAsync(ct);
            return;
        }
        logger.LogWarning("PostgreSQL does not answer: webhook delivery (Wolverine) starts once it does; writes wait for it.");
        _waiting = Task.Run(() => StartWhenTheDatabaseAnswersAsync(_stopping.Token), CancellationToken.None);
    }

    private async Task StartWhenTheDatabaseAnswersAsync(CancellationToken ct)
    {
        try
        {
            while (!await AnswersAsync(ct)) await Task.Delay(TimeSpan.FromSeconds(2), ct);
            await StartRuntimeAsync(ct);
            logger.LogInformation("PostgreSQL answers: webhook delivery (Wolverine) started.");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogError(e, "Webhook delivery (Wolverine) could not start; writes are refused until the process restarts.");
        }
    }

    private async Task StartRuntimeAsync(CancellationToken ct)
    {
        await ((IHostedService)runtime).StartAsync(ct);
        _started.TrySetResult();
    }

    private async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            return true;
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            return false;
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        await _waiting.WaitAsync(ct).ContinueWith(_ => { }, TaskScheduler.Default);
        if (IsStarted) await ((IHostedService)runtime).StopAsync(ct);
    }
}
