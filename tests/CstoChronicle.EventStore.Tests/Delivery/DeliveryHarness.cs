using CstoChronicle.Api.Notifications.Webhooks.Queue;
using CstoChronicle.EventStore.Tests.Infrastructure;

namespace CstoChronicle.EventStore.Tests.Delivery;

/// <summary>A fan-out and a worker running in the background on the test schema, as one API process would run them.</summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    public static readonly DeliveryOptions FastOptions = new()
    {
        MaxAttempts = 3,
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(200),
        Concurrency = 4,
        PollInterval = TimeSpan.FromMilliseconds(100),
        FanOutBatchSize = 7,
        LeadershipRetryInterval = TimeSpan.FromMilliseconds(100),
        LeaseCheckInterval = TimeSpan.FromMilliseconds(100),
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _fanOutRun;
    private readonly Task _workerRun;

    public DeliveryHarness(PostgresSchemaFixture db, IDeliveryTransport transport, DeliveryOptions? options = null)
    {
        options ??= FastOptions;
        FanOut = new DeliveryFanOut(db.DataSource, db.Options, options, e => $$"""{"id":"{{e.EventId}}","position":{{e.Position}}}""");
        Worker = new DeliveryWorker(db.DataSource, db.Options, options, transport);
        _fanOutRun = Task.Run(() => FanOut.RunAsync(_stop.Token));
        _workerRun = Task.Run(() => Worker.RunAsync(_stop.Token));
    }

    public DeliveryFanOut FanOut { get; }
    public DeliveryWorker Worker { get; }

    public static async Task MigrateAsync(PostgresSchemaFixture db) =>
        await new EventStore.Schema.SchemaMigrator(db.DataSource, db.Schema).MigrateAsync(DeliveryMigrations.Module, DeliveryMigrations.All);

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested) return;
        await _stop.CancelAsync();
        await Task.WhenAll(_fanOutRun, _workerRun).WithinLimit("the fan-out and the worker to stop");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }
}
