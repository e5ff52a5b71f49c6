using System.Threading.Channels;
using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>
/// One live reader of the log per process, shared by every stream client: it follows Marten's high-water mark
/// (polled, so a waiting client holds no database connection), reads each new event once, turns it into its
/// CloudEvent once, then offers it to each client's queue. A client whose queue is full
/// (it reads too slowly) is cut off; it reconnects with Last-Event-ID and catches up from the store.
/// </summary>
public sealed class LiveEventHub(CommittedLog log, IOptions<NotificationSettings> settings, ILogger<LiveEventHub> logger) : IHostedService
{
    public const int QueueCapacity = 10_000;
    private const int PageSize = 500;

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<long> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _lock = new();
    private Channel<StreamedEvent>[] _clients = [];
    private Task _loop = Task.CompletedTask;
    private long? _published;

    public Task StartAsync(CancellationToken ct)
    {
        _loop = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A queue that receives every event committed from now on. Waits until the hub reads the log, so that
    /// any head read after this returns is covered: events after it are certain to reach the queue.
    /// </summary>
    public async Task<ChannelReader<StreamedEvent>> JoinAsync(CancellationToken ct)
    {
        await _started.Task.WaitAsync(ct);
        var queue = Channel.CreateBounded<StreamedEvent>(new BoundedChannelOptions(QueueCapacity) { SingleReader = true, SingleWriter = true });
        lock (_lock) _clients = [.. _clients, queue];
        return queue.Reader;
    }

    public void Leave(ChannelReader<StreamedEvent> reader)
    {
        lock (_lock) _clients = _clients.Where(c => c.Reader != reader).ToArray();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                // After a failure it goes on from the last event it published: a client that joined meanwhile misses nothing.
                var from = _published ?? await log.HighWaterMarkAsync(ct);
                _published = from;
                _started.TrySetResult(from);
                await FollowAsync(from, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Clients cannot know what they missed: end them all, they resume from the store.
                logger.LogError(e, "The live event reader failed; stream clients are cut off and the reader restarts.");
                CutOffAll(e);
                try { await Task.Delay(TimeSpan.FromSeconds(1), ct); } catch (OperationCanceledException) { break; }
            }
        }
        CutOffAll(null);
    }

    private async Task FollowAsync(long from, CancellationToken ct)
    {
        var published = from;
        while (!ct.IsCancellationRequested)
        {
            var mark = await log.HighWaterMarkAsync(ct);
            while (published < mark)
            {
                var page = await log.ReadAsync(published, mark, PageSize, types: null, ct);
                foreach (var e in page)
                    Publish(new StreamedEvent(e.Position, e.Type, e.StreamId, CloudEventJson.Write(e, settings.Value.Source)));
                // Holes (rolled-back appends) below the mark are passed over: nothing will ever fill them.
                published = page.Count < PageSize ? mark : page[^1].Position;
                _published = published;
            }
            await Task.Delay(settings.Value.LivePollInterval, ct);
        }
    }

    private void Publish(StreamedEvent e)
    {
        foreach (var client in Volatile.Read(ref _clients))
            if (!client.Writer.TryWrite(e))
                client.Writer.TryComplete(new StreamClientTooSlowException());
    }

    private void CutOffAll(Exception? error)
    {
        Channel<StreamedEvent>[] clients;
        lock (_lock) (clients, _clients) = (_clients, []);
        foreach (var client in clients) client.Writer.TryComplete(error);
    }

    public async Task StopAsync(CancellationToken ct)
    {
        await _stopping.CancelAsync();
        _started.TrySetCanceled();
        try { await _loop.WaitAsync(ct); } catch (OperationCanceledException) { }
    }
}
