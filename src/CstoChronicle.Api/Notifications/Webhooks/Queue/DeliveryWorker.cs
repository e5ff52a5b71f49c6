using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>
/// Sends due deliveries through the transport: <see cref="DeliveryOptions.Concurrency"/> loops, each
/// claiming one delivery at a time. Run one per process on every node; they share the work through
/// row locks (FOR UPDATE SKIP LOCKED). Woken by this process's fan-out, else by polling.
/// </summary>
public sealed class DeliveryWorker
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly DeliveryWakeup _wakeup;
    private readonly DeliveryOptions _options;
    private readonly IDeliveryTransport _transport;
    private readonly ILogger _logger;
    private readonly string _schema;

    public DeliveryWorker(
        NpgsqlDataSource dataSource,
        string schema,
        DeliveryWakeup wakeup,
        DeliveryOptions options,
        IDeliveryTransport transport,
        ILogger<DeliveryWorker>? logger = null)
    {
        _dataSource = dataSource;
        _wakeup = wakeup;
        _options = options;
        _transport = transport;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _schema = SchemaName.Validate(schema);
    }

    public async Task RunAsync(CancellationToken ct)
    {
        var loops = Enumerable.Range(0, Math.Max(1, _options.Concurrency)).Select(_ => Task.Run(() => LoopAsync(ct), CancellationToken.None));
        await Task.WhenAll(loops);
    }

    private async Task LoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var signal = _wakeup.Next;
            bool sent;
            try
            {
                sent = await TrySendNextAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Delivery worker could not claim or record a delivery; trying again.");
                sent = false;
            }

            if (sent) continue;
            try { await DeliveryWakeup.WaitAsync(signal, _options.PollInterval, ct); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Sends one due delivery, if any. A cancellation leaves it pending (the transaction rolls back).</summary>
    public async Task<bool> TrySendNextAsync(CancellationToken ct)
    {
        await using var claim = await DeliveryClaim.TryClaimAsync(_dataSource, _schema, ct);
        if (claim is null) return false;
        ct.ThrowIfCancellationRequested();

        DeliveryResult result;
        try
        {
            result = await _transport.SendAsync(claim.Request, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            result = new DeliveryResult(DeliveryOutcome.Failed, Error: e.GetType().Name + ": " + e.Message);
        }

        if (result.Outcome != DeliveryOutcome.Delivered)
            _logger.LogInformation("Delivery {DeliveryId} of subscription {SubscriptionId}, attempt {Attempt}: {Outcome} {Status} {Error}",
                claim.Request.DeliveryId, claim.Request.SubscriptionId, claim.Request.Attempt, result.Outcome, result.StatusCode, result.Error);
        await claim.CompleteAsync(result, _options, ct);
        return true;
    }
}
