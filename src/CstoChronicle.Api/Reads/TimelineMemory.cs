using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.Settled;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Reads;

/// <summary>
/// The timeline held in memory by this node (<see cref="TimelineIndex"/>, docs/decisions/0108), kept up to its read
/// database's newest high-water mark: after each poll of <see cref="ReadPositionWatch"/> that finds a newer mark, the
/// rows written and ended since are read and merged in. A page at a settled position the index has reached is answered
/// from it; any other page (not reached yet, still loading, an entity's timeline) is read from PostgreSQL as before.
/// </summary>
public sealed class TimelineMemory(ReadSources sources, ReadPositionWatch watch, IOptions<ReadSettings> settings, ILogger<TimelineMemory> logger)
    : BackgroundService
{
    private volatile TimelineIndex? _index;

    /// <summary>The settled position the index has reached (0 while none is loaded).</summary>
    public long Position => _index?.Position ?? 0;

    /// <summary>Versions held in memory.</summary>
    public int Rows => _index?.Count ?? 0;

    /// <summary>The page at <paramref name="position"/>, or null when the index cannot answer it.</summary>
    public TimelineAnswer? TryPage(
        long position, DateTimeOffset knownAt, DateOnly? from, DateOnly? to, IReadOnlyCollection<string>? types, string? entity,
        string? cursor, int limit)
    {
        // An entity's timeline has an index of its own in PostgreSQL; here it would be a walk of every row.
        if (entity is not null || _index is not { } index || index.Position < position) return null;
        return index.Page(position, knownAt, from, to, types, cursor, limit);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Value.TimelineInMemory) return;
        var failing = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await watch.NextPollAsync(stoppingToken);
                await CatchUpAsync(watch.Mark, stoppingToken);
                failing = false;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The index keeps answering the positions it holds; newer pages are read from PostgreSQL until this succeeds.
                if (!failing) logger.LogWarning(e, "Keeping the timeline in memory failed; newer timeline pages are read from PostgreSQL until it succeeds.");
                failing = true;
            }
        }
    }

    private async Task CatchUpAsync(long mark, CancellationToken ct)
    {
        var index = _index;
        if (index is not null && mark < index.Position)
        {
            // The store went back (emptied, restored from a backup): nothing held may answer for it any more.
            logger.LogWarning("The log's high-water mark went back from {Held} to {Mark}; the timeline is loaded again.", index.Position, mark);
            _index = index = null;
        }
        if (mark == 0 || mark == index?.Position) return;
        if (index is null)
        {
            var started = TimeProvider.System.GetTimestamp();
            _index = index = TimelineIndex.Build(mark, await sources.Read.TimelineRowsAsync(0, mark, ct));
            logger.LogInformation("Timeline held in memory: {Rows} versions up to position {Position}, loaded in {Elapsed:0} ms.",
                index.Count, mark, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            return;
        }
        try
        {
            _index = index.Advance(mark, await sources.Read.TimelineRowsAsync(index.Position, mark, ct));
        }
        catch (InvalidOperationException)
        {
            // A version ended that the index never held: it no longer matches the store; load it whole again.
            _index = null;
            throw;
        }
    }
}
