namespace CstoChronicle.EventStore;

public interface IEventStore
{
    /// <summary>
    /// Appends events to one stream in one transaction, running the inline projections inside it.
    /// Throws <see cref="WrongExpectedVersionException"/> on a version conflict (nothing written).
    /// Appending event ids that are already stored returns the original result with WasReplay = true.
    /// </summary>
    Task<AppendResult> AppendAsync(string streamId, ExpectedVersion expected, IReadOnlyList<NewEvent> events, CancellationToken ct = default);

    /// <summary>Events of one stream in version order, from <paramref name="fromVersion"/> inclusive.</summary>
    IAsyncEnumerable<RecordedEvent> ReadStreamAsync(string streamId, long fromVersion = 1, CancellationToken ct = default);

    /// <summary>Committed events after <paramref name="afterPosition"/>, in position order, at most <paramref name="limit"/>.</summary>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition, ReadAllFilter filter, int limit = 1000, CancellationToken ct = default);

    /// <summary>Reads everything after <paramref name="afterPosition"/>, then waits for and yields new events as they commit, forever.</summary>
    IAsyncEnumerable<RecordedEvent> SubscribeToAllAsync(long afterPosition, ReadAllFilter filter, CancellationToken ct = default);

    Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct = default);

    Task<StreamState?> GetStreamStateAsync(string streamId, CancellationToken ct = default);

    /// <summary>The highest committed position; 0 for an empty store.</summary>
    Task<long> GetHeadPositionAsync(CancellationToken ct = default);
}
