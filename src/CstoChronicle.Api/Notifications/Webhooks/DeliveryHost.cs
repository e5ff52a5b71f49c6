using CstoChronicle.Api.Notifications.Webhooks.Delivery;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// Migrates the delivery log's tables at start-up; once Wolverine runs (<see cref="WolverineStarter"/>), queues the
/// deliveries the queue before Wolverine left pending, then removes finished deliveries past the retention every
/// RetentionInterval, on every node. Sending is Wolverine's (Delivery/).
/// </summary>
public sealed class DeliveryHost(
    CstoChronicle.Api.Platform.SchemaOwner owner,
    ChronicleStoreSettings store,
    DeliveryRetention retention,
    WebhookReplays replays,
    WolverineStarter wolverine,
    IOptions<WebhookSettings> settings,
    ILogger<DeliveryHost> logger) : IHostedService
{
    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    /// <summary>
    /// Migrates before the server listens, so the subscription endpoints find their tables. When PostgreSQL
    /// cannot be reached the process still starts (readiness reports it) and the migration is retried.
    /// </summary>
    public async Task StartAsync(CancellationToken ct)
    {
        var migrated = await TryMigrateAsync(ct);
        _running = Task.Run(() => RunAsync(migrated, _stopping.Token), CancellationToken.None);
    }

    private async Task RunAsync(bool migrated, CancellationToken ct)
    {
        try
        {
            while (!migrated)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                migrated = await TryMigrateAsync(ct);
            }
            await wolverine.Started.WaitAsync(ct);
            await AdoptAsync(ct);
            await PurgeAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private async Task AdoptAsync(CancellationToken ct)
    {
        try
        {
            var adopted = await replays.AdoptLeftPendingAsync(ct);
            if (adopted > 0) logger.LogInformation("Queued {Count} deliveries left pending by the queue before Wolverine.", adopted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not queue the deliveries left pending by the queue before Wolverine; trying at the next start.");
        }
    }

    /// <summary>Every RetentionInterval, removes finished deliveries older than Retention (first a minute after start).</summary>
    private async Task PurgeAsync(CancellationToken ct)
    {
        var wait = TimeSpan.FromMinutes(1) < settings.Value.RetentionInterval ? TimeSpan.FromMinutes(1) : settings.Value.RetentionInterval;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(wait, ct);
                var removed = await retention.PurgeAsync(settings.Value.Retention, ct);
                if (removed > 0) logger.LogInformation("Removed {Count} deliveries completed more than {Retention} ago.", removed, settings.Value.Retention);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Could not remove old deliveries; trying again later.");
            }
            wait = settings.Value.RetentionInterval;
        }
    }

    private async Task<bool> TryMigrateAsync(CancellationToken ct)
    {
        try
        {
            await new SchemaMigrator(owner.DataSource, store.Schema).MigrateAsync(DeliveryMigrations.Module, DeliveryMigrations.All, ct);
            return true;
        }
        catch (NpgsqlException e) when (e is not PostgresException && !ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not reach PostgreSQL to migrate the delivery log; retrying.");
            return false;
        }
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        try
        {
            await _running.WaitAsync(ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
