using System.Runtime.CompilerServices;
using CstoChronicle.EventStore.Notifications;
using CstoChronicle.EventStore.Reading;

namespace CstoChronicle.EventStore.Subscriptions;

/// <summary>
/// Catch-up then live: pages through the log after a position, and when caught up waits for a
/// notification or the poll interval, whichever comes first. The position only grows, and since
/// appends commit in position order a page never skips an event that commits later.
/// </summary>
internal sealed class AllSubscription(EventReader reader, NotificationListener listener, EventStoreOptions options)
{
    public async IAsyncEnumerable<RecordedEvent> ReadAsync(long afterPosition, ReadAllFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var position = afterPosition;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var signal = listener.NextSignal;
            var page = await reader.ReadPageAsync(position, filter, options.SubscriptionBatchSize, ct);
            foreach (var e in page.Events) yield return e;
            position = page.ScannedUpTo;

            if (!page.IsFull)
                await NotificationListener.WaitAsync(signal, options.PollInterval, ct);
        }
    }
}
