using CstoChronicle.Api.Notifications.Webhooks.Queue;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// Migrates the delivery queue's tables at start-up, then runs the delivery worker and the retention purge (on every node) until the
/// process stops; the fan-out is a Marten subscription, run by the daemon's leading node. A delivery cut off by the stop
/// is rolled back and sent again by whichever node runs next.
/// </summary>
public sealed class DeliveryHost(
    CstoChronicle.Api.Platform.SchemaOwner owner,
    ChronicleStoreSettings store,
    DeliveryWorker worker,
    DeliveryRetention retention,
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
            if (!settings.Value.DeliverFromThisNode)
            {
                logger.LogInformation("Webhook delivery is off on this node (Chronicle:Webhooks:DeliverFromThisNode=false).");
                return;
            }
            await Task.WhenAll(worker.RunAsync(ct), PurgeAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Every RetentionInterval, removes delivered work older than Retention (first a minute after start).</summary>
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
            logger.LogWarning(e, "Could not reach PostgreSQL to migrate the delivery queue; retrying.");
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
