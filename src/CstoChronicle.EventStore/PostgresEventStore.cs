using CstoChronicle.EventStore.Appending;
using CstoChronicle.EventStore.Notifications;
using CstoChronicle.EventStore.Reading;
using CstoChronicle.EventStore.Schema;
using CstoChronicle.EventStore.Subscriptions;
using Npgsql;

namespace CstoChronicle.EventStore;

/// <summary>
/// The event store on PostgreSQL. Create one per process (it owns the process's notification
/// listener unless one is passed in), run <see cref="MigrateAsync"/> at start-up.
/// </summary>
public sealed class PostgresEventStore : IEventStore, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventAppender _appender;
    private readonly EventReader _reader;
    private readonly AllSubscription _subscription;
    private readonly NotificationListener _listener;
    private readonly bool _ownsListener;

    public PostgresEventStore(
        NpgsqlDataSource dataSource,
        EventStoreOptions options,
        IEnumerable<IProjection> inlineProjections,
        NotificationListener? listener = null)
    {
        _dataSource = dataSource;
        Options = options;
        _ownsListener = listener is null;
        _listener = listener ?? new NotificationListener(dataSource, options);
        _appender = new EventAppender(dataSource, options, inlineProjections.ToList());
        _reader = new EventReader(dataSource, options);
        _subscription = new AllSubscription(_reader, _listener, options);
    }

    public EventStoreOptions Options { get; }

    public NotificationListener Notifications => _listener;

    /// <summary>Creates the schema if missing and applies the store's own migrations.</summary>
    public Task MigrateAsync(CancellationToken ct = default) =>
        new SchemaMigrator(_dataSource, Options.Schema).MigrateAsync(EventStoreMigrations.Module, EventStoreMigrations.All, ct);

    public Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default) =>
        _appender.AppendAsync(streamId, expected, events, ct);

    public IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken ct = default) =>
        _reader.ReadStreamAsync(streamId, fromVersion, ct);

    public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, ReadAllFilter filter, int limit = 1000, CancellationToken ct = default) =>
        _reader.ReadAllAsync(afterPosition, filter, limit, ct);

    public IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, ReadAllFilter filter, CancellationToken ct = default) =>
        _subscription.ReadAsync(afterPosition, filter, ct);

    public Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct = default) =>
        _reader.ReadEventAsync(eventId, ct);

    public Task<StreamState?> GetStreamStateAsync(string streamId, CancellationToken ct = default) =>
        _reader.GetStreamStateAsync(streamId, ct);

    public Task<long> GetHeadPositionAsync(CancellationToken ct = default) =>
        _reader.GetHeadPositionAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_ownsListener) await _listener.DisposeAsync();
    }
}
