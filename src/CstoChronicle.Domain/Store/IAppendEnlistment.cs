using JasperFx.Events;
using Marten;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// Work that must commit in the same transaction as an append, or not at all: it queues its writes on the append's
/// session before Marten saves it (the service's webhook outbox is one).
/// </summary>
public interface IAppendEnlistment
{
    ValueTask EnlistAsync(IDocumentSession session, IEvent appended, CancellationToken ct);
}
