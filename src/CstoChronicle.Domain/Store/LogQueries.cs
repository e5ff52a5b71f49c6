using JasperFx.Events;

namespace CstoChronicle.Domain.Store;

/// <summary>The log as the chronicle reads it through Marten's queries.</summary>
public static class LogQueries
{
    /// <summary>
    /// Leaves out Marten's tombstones: Rich appends that roll back fill their positions with them, and they are no
    /// chronicle event (the in-memory twin is <c>StoredEvents.IsTombstone</c>).
    /// </summary>
    public static IQueryable<IEvent> WithoutTombstones(this IQueryable<IEvent> events) =>
        events.Where(e => e.StreamKey != Tombstone.StreamKey);
}
