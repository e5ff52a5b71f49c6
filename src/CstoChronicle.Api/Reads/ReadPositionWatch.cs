using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Reads;

/// <summary>A high-water mark and the instant it was recorded (a row of chr_known_positions): a position answers at it never change.</summary>
public sealed record SettledPosition(long Position, DateTimeOffset KnownAt);

/// <summary>
/// Every node's view of how far its read database has got: the head of the log and the newest high-water mark with its
/// instant, polled (one small query per node, whatever the load). Current answers are served at the mark only while
/// nothing is stored past it: not past the head last seen, not past a write made through this node, not past the
/// caller's minPosition, and only while the last poll is recent (a request that finds it too old polls once more, shared
/// with the others that find it so). Otherwise the read goes to the database as it is.
/// </summary>
public sealed class ReadPositionWatch(
    NpgsqlDataSource readDataSource, ChronicleStoreSettings store, IOptions<ReadSettings> settings, TimeProvider clock,
    ILogger<ReadPositionWatch> logger) : BackgroundService
{
    private sealed record Observation(long Head, SettledPosition? Mark, DateTimeOffset At);

    private volatile Observation? _seen;
    private long _wrote;
    private TaskCompletionSource _polled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _refreshLock = new();
    private Task? _refresh;

    /// <summary>A write through this node committed at <paramref name="position"/>: current answers here must include it.</summary>
    public void Wrote(long position)
    {
        var seen = Interlocked.Read(ref _wrote);
        while (position > seen)
        {
            var was = Interlocked.CompareExchange(ref _wrote, position, seen);
            if (was == seen) return;
            seen = was;
        }
    }

    /// <summary>The newest position written through this node.</summary>
    public long Written => Interlocked.Read(ref _wrote);

    /// <summary>The newest mark of the read database, when it is the whole of what is stored there and at least <paramref name="atLeast"/>.</summary>
    public SettledPosition? Settled(long atLeast = 0)
    {
        var seen = _seen;
        if (seen?.Mark is not { } mark || IsStale(seen)) return null;
        var floor = Math.Max(Math.Max(seen.Head, atLeast), Interlocked.Read(ref _wrote));
        return mark.Position >= floor ? mark : null;
    }

    /// <summary>
    /// As <see cref="Settled"/>, but when the last poll is too old to trust (the poller held up on a loaded machine),
    /// polls once now, shared by every request that finds it so, instead of leaving them to read the database as it is.
    /// </summary>
    public async ValueTask<SettledPosition?> SettledNowAsync(long atLeast, CancellationToken ct)
    {
        if (Settled(atLeast) is { } settled) return settled;
        if (_seen is { } seen && !IsStale(seen)) return null;
        Task refresh;
        lock (_refreshLock)
        {
            if (_refresh is not { IsCompleted: false }) _refresh = RefreshAsync();
            refresh = _refresh;
        }
        await refresh.WaitAsync(ct);
        return Settled(atLeast);
    }

    private bool IsStale(Observation seen) => clock.GetUtcNow() - seen.At > Freshness;

    private async Task RefreshAsync()
    {
        try
        {
            var observed = await ObserveAsync(CancellationToken.None);
            if (_seen is not { } seen || observed.At > seen.At) _seen = observed;
        }
        catch (Exception)
        {
            // Whatever the failure, the requests waiting on this poll read the database instead; the poller logs it.
        }
    }

    /// <summary>The newest mark the read database has, whether or not anything is stored past it (0 when none yet).</summary>
    public long Mark => _seen?.Mark?.Position ?? 0;

    /// <summary>Waits at most <paramref name="timeout"/> for <see cref="Settled"/> to reach <paramref name="atLeast"/>.</summary>
    public async Task<SettledPosition?> WaitAsync(long atLeast, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + timeout;
        while (true)
        {
            if (Settled(atLeast) is { } settled) return settled;
            var left = deadline - clock.GetUtcNow();
            if (left <= TimeSpan.Zero) return null;
            try { await Volatile.Read(ref _polled).Task.WaitAsync(left, clock, ct); }
            catch (TimeoutException) { return Settled(atLeast); }
        }
    }

    /// <summary>Completes after the next poll, whether it succeeded or failed.</summary>
    public Task NextPollAsync(CancellationToken ct) => Volatile.Read(ref _polled).Task.WaitAsync(ct);

    private TimeSpan Freshness => TimeSpan.FromTicks(Math.Max(TimeSpan.FromSeconds(1).Ticks, settings.Value.PollInterval.Ticks * 10));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _seen = await ObserveAsync(stoppingToken);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Reads go to the database meanwhile (and answer its error), never to a view that may be stale.
                _seen = null;
                if (!failing) logger.LogWarning(e, "Reading the log's position failed; point-in-time reads go to the database until it succeeds again.");
                failing = true;
            }
            Interlocked.Exchange(ref _polled, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
            try { await Task.Delay(settings.Value.PollInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    private async Task<Observation> ObserveAsync(CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        await using var command = readDataSource.CreateCommand($"""
            SELECT (SELECT coalesce(max(seq_id), 0) FROM {store.Schema}.mt_events), k.position, k.known_at
              FROM (SELECT 1) AS one
              LEFT JOIN LATERAL (SELECT position, known_at FROM {store.Schema}.chr_known_positions ORDER BY position DESC LIMIT 1) AS k ON true
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Observation(reader.GetInt64(0),
            reader.IsDBNull(1) ? null : new SettledPosition(reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2).ToUniversalTime()), at);
    }
}
