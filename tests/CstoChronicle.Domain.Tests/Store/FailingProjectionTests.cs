using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Npgsql;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Store;

/// <summary>
/// Marten's default skips an event whose projection throws; the chronicle's configuration stops the projection
/// there instead (what /health/ready reports), never moving past the failing event.
/// </summary>
public sealed class FailingProjectionTests : IAsyncLifetime
{
    private static readonly Citation[] Cited = [new("test-source")];
    private readonly string _schema = TestDatabase.NewSchemaName("f_");
    private NpgsqlDataSource _dataSource = null!;
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());
        var settings = new ChronicleStoreSettings { Schema = _schema };
        var options = ChronicleModule.StoreOptionsFor(_dataSource, settings);
        options.Projections.Add(new RefusesWithdrawals(), ProjectionLifecycle.Async, "refuses_withdrawals");
        _store = new DocumentStore(options);
        await ChronicleModule.PrepareSchemaAsync(_store, _dataSource, settings);
    }

    [Fact]
    public async Task A_projection_failing_on_an_event_stops_before_it_and_never_skips_it()
    {
        var log = new EventLog(_store);
        await log.AppendAsync("KAZ", ExpectedVersion.NoStream, New(new StateAcceded("KAZ", On("1992-05-15"), Cited)));
        var poison = await log.AppendAsync("KAZ", ExpectedVersion.Exact(1), New(new StateWithdrew("KAZ", On("2000-01-01"), Cited)));
        await log.AppendAsync("ARM", ExpectedVersion.NoStream, New(new StateAcceded("ARM", On("1992-05-15"), Cited)));

        using var daemon = await _store.BuildProjectionDaemonAsync();
        await daemon.StartAllAsync();
        IReadOnlyList<StoppedShard> stopped = [];
        await Eventually.HoldsAsync(async () => (stopped = await ProjectionStatus.StoppedAsync(daemon, _store)).Count > 0, "the daemon to stop the projection");

        var shard = stopped.ShouldHaveSingleItem();
        shard.Name.ShouldStartWith("refuses_withdrawals");
        shard.Position.ShouldBeLessThan(poison.Position);
        shard.NextPosition.ShouldNotBeNull().ShouldBeLessThanOrEqualTo(poison.Position);
        await Task.Delay(500);
        (await ProjectionStatus.StoppedAsync(daemon, _store)).ShouldHaveSingleItem().Position.ShouldBe(shard.Position, "the projection moved past the failing event");
        shard.Position.ShouldBeLessThan(poison.Position);
        await daemon.StopAllAsync();
    }

    private static NewEvent New(object data) => new(Guid.NewGuid(), data, new EventMetadata("tests"));

    private sealed class RefusesWithdrawals : IProjection
    {
        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation) =>
            events.Any(e => e.Data is StateWithdrew) ? throw new InvalidOperationException("this projection cannot take a withdrawal") : Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await TestDatabase.DropSchemaAsync(_dataSource, _schema);
        await _dataSource.DisposeAsync();
    }
}
