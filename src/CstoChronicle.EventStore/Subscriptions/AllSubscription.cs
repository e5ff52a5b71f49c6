using System.Runtime.CompilerServices;
using CstoChronicle.EventStore.Notifications;
using CstoChronicle.EventStore.Reading;
using Npgsql;

namespace CstoChronicle.EventStore.Subscriptions;

/// <summary>
/// Catch-up then live: pages through the log after a position, and when caught up waits for a
/// notification or the poll interval, whichever comes first. The position only grows, and since
/// appends commit in position order a page never skips an event that commits later. A read that
/// fails on a dropped connection is retried after a pause instead of ending the subscription.
/// </summary>
internal sealed class AllSubscription(EventReader reader, NotificationListener listener, EventStoreOptions options)
{
    public async IAsyncEnumerable<RecordedEvent> ReadAsync(long afterPosition, ReadAllFilter filter, [EnumeratorCancellation] CancellationToken ct)
    {
        var position = afterPosition;
        var failures = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var signal = listener.NextSignal;
            var page = await TryReadPageAsync(position, filter, ct);
            if (page is null)
            {
                failures++;
                await Task.Delay(RetryDelay(failures), ct);
                continue;
            }

            failures = 0;
            foreach (var e in page.Events) yield return e;
            position = page.ScannedUpTo;

            if (!page.IsFull)
                await NotificationListener.WaitAsync(signal, options.PollInterval, ct);
        }
    }

    private async Task<LogPage?> TryReadPageAsync(long position, ReadAllFilter filter, CancellationToken ct)
    {
        try
        {
            return await reader.ReadPageAsync(position, filter, options.SubscriptionBatchSize, ct);
        }
        catch (NpgsqlException e) when (IsConnectionFailure(e) && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    private static bool IsConnectionFailure(NpgsqlException e) =>
        e.IsTransient || e is PostgresException { SqlState: "57P01" or "57P02" or "57P03" };

    private TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(options.ListenerReconnectMinDelay.Ticks << Math.Min(failures - 1, 10), options.ListenerReconnectMaxDelay.Ticks));
}
