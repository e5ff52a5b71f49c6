using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// An asynchronous shard that does nothing with the events it is given. Marten's daemon runs its high-water mark agent
/// only while some asynchronous shard needs events, and every reader of the log (the event stream, knownAt, the views
/// kept by position) stops at that mark: with the chronicle projection inline and webhooks on Wolverine's outbox, this
/// is the shard that keeps the daemon, and so the mark, running. Its progression row also shows the daemon is alive.
/// </summary>
public sealed class LogCursor : SubscriptionBase
{
    public const string SubscriptionName = "log_cursor";

    public LogCursor() => Name = SubscriptionName;

    public override Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken ct) =>
        Task.FromResult<IChangeListener>(NullChangeListener.Instance);
}
