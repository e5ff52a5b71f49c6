namespace CstoChronicle.Api.Logging;

/// <summary>
/// One outage of PostgreSQL as the log tells it: the first failure that says the database cannot be reached opens
/// it (and is the one line logged), later ones are only counted, and <see cref="DatabaseOutageWatch"/> closes it
/// when the database answers again, logging its length. Shared by every log formatter of the process.
/// </summary>
public sealed class DatabaseOutage(TimeProvider time)
{
    private readonly Lock _lock = new();
    private long? _startedAt;
    private long _suppressed;
    private TaskCompletionSource _opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsOpen
    {
        get { lock (_lock) return _startedAt is not null; }
    }

    /// <summary>True for the failure that opens an outage (log it, once); false while one is open (counted, not logged).</summary>
    public bool Begin()
    {
        lock (_lock)
        {
            if (_startedAt is not null)
            {
                _suppressed++;
                return false;
            }
            _startedAt = time.GetTimestamp();
            _suppressed = 0;
            _opened.TrySetResult();
            return true;
        }
    }

    /// <summary>Completes when an outage is open.</summary>
    public Task OpenedAsync(CancellationToken ct)
    {
        lock (_lock) return _opened.Task.WaitAsync(ct);
    }

    /// <summary>Closes the open outage: how long it lasted and how many failures were not logged; null when none was open.</summary>
    public (TimeSpan Length, long Suppressed)? End()
    {
        lock (_lock)
        {
            if (_startedAt is not { } started) return null;
            var ended = (time.GetElapsedTime(started), _suppressed);
            _startedAt = null;
            _opened = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return ended;
        }
    }
}
