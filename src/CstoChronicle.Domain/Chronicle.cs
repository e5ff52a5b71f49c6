using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Writing;
using CstoChronicle.EventStore;

namespace CstoChronicle.Domain;

/// <summary>
/// The chronicle as one process uses it: the store (running the chronicle's projection inline), the writer every
/// fact goes through, the dataset importer and the queries.
/// </summary>
public sealed class Chronicle : IAsyncDisposable
{
    internal Chronicle(PostgresEventStore store, ChronicleProjection projection, ChronicleWriter writer, Importer importer, ChronicleQueries queries)
    {
        Store = store;
        Projection = projection;
        Writer = writer;
        Importer = importer;
        Queries = queries;
    }

    public PostgresEventStore Store { get; }

    public ChronicleWriter Writer { get; }

    public Importer Importer { get; }

    public ChronicleQueries Queries { get; }

    /// <summary>The projection the store runs inline; hand it to a <see cref="EventStore.Daemon.ProjectionDaemon"/> to rebuild its tables.</summary>
    public ChronicleProjection Projection { get; }

    public ValueTask DisposeAsync() => Store.DisposeAsync();
}
