using CstoChronicle.Domain.Store;
using Marten;

namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>
/// The log as a reader may see it: only up to Marten's high-water mark, below which every position has committed
/// (or rolled back for good). Positions may have holes; an event that commits late is never skipped, because the
/// mark waits for it. docs/decisions/0003.
/// </summary>
public sealed class CommittedLog(IDocumentStore store)
{
    private const string HighWaterMark = "HighWaterMark";

    /// <summary>Marten's high-water mark: 0 until the daemon has first detected it.</summary>
    public async Task<long> HighWaterMarkAsync(CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        return progress.FirstOrDefault(p => p.ShardName == HighWaterMark)?.Sequence ?? 0;
    }

    /// <summary>Events after <paramref name="afterPosition"/> up to <paramref name="upTo"/> inclusive, in position order, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<RecordedEvent>> ReadAsync(long afterPosition, long upTo, int limit, IReadOnlyCollection<string>? types, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        // Marten's tombstones fill the holes of rolled-back appends; they are not chronicle events.
        var query = session.Events.QueryAllRawEvents().WithoutTombstones()
            .Where(e => e.Sequence > afterPosition && e.Sequence <= upTo);
        if (types is { Count: > 0 }) query = query.Where(e => types.Contains(e.EventTypeName));
        var events = await query.OrderBy(e => e.Sequence).Take(limit).ToListAsync(ct);
        return events.Select(RecordedEvent.From).ToList();
    }
}
