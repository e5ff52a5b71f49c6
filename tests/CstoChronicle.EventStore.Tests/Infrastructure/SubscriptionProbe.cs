using System.Threading.Channels;

namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>Runs a subscription in the background and hands its events to the test one by one.</summary>
public sealed class SubscriptionProbe : IAsyncDisposable
{
    private readonly Channel<RecordedEvent> _received = Channel.CreateUnbounded<RecordedEvent>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _pump;

    public SubscriptionProbe(IEventStore store, long afterPosition, ReadAllFilter? filter = null)
    {
        _pump = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in store.SubscribeToAllAsync(afterPosition, filter ?? ReadAllFilter.None, _stop.Token))
                    await _received.Writer.WriteAsync(e);
                _received.Writer.TryComplete();
            }
            catch (Exception e)
            {
                _received.Writer.TryComplete(e is OperationCanceledException ? null : e);
            }
        });
    }

    public bool HasReceivedAnything => _received.Reader.TryPeek(out _);

    public Task<RecordedEvent> NextAsync() => _received.Reader.ReadAsync().AsTask().WithinLimit("the next event of the subscription");

    public async Task<List<RecordedEvent>> NextAsync(int count)
    {
        var events = new List<RecordedEvent>();
        for (var i = 0; i < count; i++) events.Add(await NextAsync());
        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        _stop.Dispose();
    }
}
