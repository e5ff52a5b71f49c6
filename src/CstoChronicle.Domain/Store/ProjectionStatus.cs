using JasperFx.Events.Daemon;
using Marten;

namespace CstoChronicle.Domain.Store;

/// <summary>A projection or subscription of Marten's daemon that stopped on an event instead of skipping it.</summary>
/// <param name="Position">The last position it projected.</param>
/// <param name="NextPosition">
/// The event it failed on, when the daemon reports it (<c>ISubscriptionAgent.Failure</c>); otherwise the first event it
/// has not projected, the start of the page that holds the failing one.
/// </param>
/// <param name="Reason">The failure's message, when the daemon reports it.</param>
public sealed record StoppedShard(string Name, string Status, long Position, long? NextPosition, string? NextEventType, Guid? NextEventId,
    string? Reason = null);

/// <summary>
/// The shards a running daemon has stopped (paused on a failing page of events) for /health/ready: errors are not
/// skipped (decision 0003), so the shard stays at the position before the page and Marten logs the exception.
/// </summary>
public static class ProjectionStatus
{
    public static async Task<IReadOnlyList<StoppedShard>> StoppedAsync(IProjectionDaemon daemon, IDocumentStore store, CancellationToken ct = default)
    {
        var stopped = new List<StoppedShard>();
        foreach (var agent in daemon.CurrentAgents().Where(a => a.Status.ToString() != "Running"))
        {
            if (agent.Failure is { Event: { } failing } failure)
            {
                stopped.Add(new StoppedShard(agent.Name.Identity, agent.Status.ToString(), agent.Position, failing.Sequence, failing.EventTypeName,
                    failing.EventId, failure.Message));
                continue;
            }
            await using var session = store.QuerySession();
            var next = await session.Events.QueryAllRawEvents().WithoutTombstones()
                .Where(e => e.Sequence > agent.Position)
                .OrderBy(e => e.Sequence).Take(1).ToListAsync(ct);
            var failed = next.FirstOrDefault();
            stopped.Add(new StoppedShard(agent.Name.Identity, agent.Status.ToString(), agent.Position, failed?.Sequence, failed?.EventTypeName, failed?.Id));
        }
        return stopped;
    }
}
