using CstoChronicle.Api.Http;
using CstoChronicle.Domain.Store;
using JasperFx.Events;
using Marten;
using Wolverine.Marten;
using Wolverine.Runtime;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// Puts a <see cref="FanOutWebhooks"/> message in Wolverine's outbox on the append's session: Marten commits the event,
/// its projection rows and the message together, or none of them. Wolverine hands the message to the local queue once
/// the transaction committed; if the process dies first, its durability agent finds the stored message and runs it.
/// </summary>
public sealed class WebhookOutbox(IWolverineRuntime runtime, WolverineStarter starter) : IAppendEnlistment
{
    public async ValueTask EnlistAsync(IDocumentSession session, IEvent appended, CancellationToken ct)
    {
        if (!starter.IsStarted)
            throw new ProblemException(Problems.Unavailable("Webhook delivery is starting (the database was unreachable); retry shortly."));
        var outbox = new MartenOutbox(runtime, session);
        await outbox.PublishAsync(new FanOutWebhooks(appended.Id));
    }
}
