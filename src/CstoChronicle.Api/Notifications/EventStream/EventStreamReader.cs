using System.Runtime.CompilerServices;
using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>
/// One client's events: the stored ones after its position up to the high-water mark (the head), then the live ones from the hub.
/// The client joins the hub before it reads the head, so every event after the head reaches its queue;
/// events the queue holds at or below the head were already read from the store and are skipped. No gap,
/// no duplicate, positions only grow.
/// Every read from the store passes through the <see cref="CatchUpGate"/>, so catch-up shares a bounded part of the pool.
/// </summary>
public sealed class EventStreamReader(CommittedLog log, LiveEventHub hub, CatchUpGate gate, IOptions<NotificationSettings> settings)
{
    private const int PageSize = 500;

    public async IAsyncEnumerable<StreamedEvent> ReadAsync(long afterPosition, StreamFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var live = await hub.JoinAsync(ct);
        try
        {
            var head = await gate.ReadAsync(log.HighWaterMarkAsync, ct);
            var position = afterPosition;
            var caughtUp = position >= head;
            while (!caughtUp)
            {
                // The page is read whole before it is sent, so a slow client never holds a pooled connection.
                var from = position;
                var page = await gate.ReadAsync(token => log.ReadAsync(from, head, PageSize, filter.Types?.ToArray(), token), ct);
                var read = 0;
                foreach (var e in page)
                {
                    read++;
                    if (e.Position > head) { caughtUp = true; break; }
                    position = e.Position;
                    if (filter.Matches(e.Type, e.StreamId))
                        yield return new StreamedEvent(e.Position, e.Type, e.StreamId, CloudEventJson.Write(e, settings.Value.Source));
                }
                caughtUp |= read < PageSize || position >= head;
            }

            var seen = Math.Max(head, afterPosition);
            await foreach (var e in live.ReadAllAsync(ct))
                if (e.Position > seen && filter.Matches(e.Type, e.StreamId))
                    yield return e;
        }
        finally
        {
            hub.Leave(live);
        }
    }
}
