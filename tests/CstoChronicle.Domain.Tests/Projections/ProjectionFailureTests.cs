using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Projections;

/// <summary>A page the chronicle projection cannot take names the event it failed on, for Marten's daemon to report.</summary>
public sealed class ProjectionFailureTests : IAsyncLifetime
{
    private static readonly Citation[] Cited = [new("test-source")];
    private readonly string _schema = TestDatabase.NewSchemaName("pf_");
    private NpgsqlDataSource _dataSource = null!;
    private DocumentStore _store = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());
        var settings = new ChronicleStoreSettings { Schema = _schema };
        _store = new DocumentStore(ChronicleModule.StoreOptionsFor(_dataSource, settings));
        await ChronicleModule.PrepareSchemaAsync(_store, _dataSource, settings);
    }

    [Fact]
    public async Task The_failure_names_the_event_not_the_page()
    {
        var fact = Stored(new StateAcceded("KAZ", On("1992-05-15"), Cited), sequence: 1, version: 1);
        // A replacement that does not read as the corrected fact's type: the projection cannot say what it corrects to.
        var replacement = JsonDocument.Parse("""{"state":{"not":"a state"},"on":"1992-05-16"}""").RootElement;
        var poison = Stored(new EventCorrected(fact.Id, "test", Cited, replacement), sequence: 2, version: 2);
        var after = Stored(new StateAcceded("ARM", On("1992-05-15"), Cited), sequence: 3, version: 1);
        await using var session = _store.LightweightSession();

        var failure = await Should.ThrowAsync<ApplyEventException>(() =>
            new ChronicleProjection(_dataSource, _schema).ApplyAsync(session, [fact, poison, after], CancellationToken.None));

        failure.Event.Id.ShouldBe(poison.Id);
        failure.Event.Sequence.ShouldBe(2);
    }

    private static IEvent Stored<T>(T data, long sequence, long version) where T : notnull =>
        new Event<T>(data) { Id = Guid.NewGuid(), Sequence = sequence, Version = version, StreamKey = "KAZ", Timestamp = DateTimeOffset.UtcNow,
            EventTypeName = typeof(T).Name };

    public async Task DisposeAsync()
    {
        _store.Dispose();
        await TestDatabase.DropSchemaAsync(_dataSource, _schema);
        await _dataSource.DisposeAsync();
    }
}
