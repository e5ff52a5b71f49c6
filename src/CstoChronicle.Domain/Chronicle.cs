using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Queries;
using CstoChronicle.EventStore;

namespace CstoChronicle.Domain;

/// <summary>The chronicle as one process uses it: the store (with the chronicle's inline projection), its queries.</summary>
public sealed class Chronicle : IAsyncDisposable
{
    internal Chronicle(PostgresEventStore store, ChronicleProjection projection, ChronicleQueries queries)
    {
        Store = store;
        Projection = projection;
        Queries = queries;
    }

    public PostgresEventStore Store { get; }

    public ChronicleQueries Queries { get; }

    /// <summary>The projection the store runs inline; hand it to a <see cref="EventStore.Daemon.ProjectionDaemon"/> to rebuild its tables.</summary>
    public ChronicleProjection Projection { get; }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
