using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Writing;
using Marten;

namespace CstoChronicle.Domain;

/// <summary>
/// The chronicle as one process uses it: Marten's store (running the chronicle projection inline), the writer every
/// fact goes through, the dataset importer and the queries.
/// </summary>
public sealed class Chronicle : IAsyncDisposable
{
    internal Chronicle(DocumentStore store, ChronicleWriter writer, Importer importer, ChronicleQueries queries)
    {
        Store = store;
        Log = new EventLog(store);
        Writer = writer;
        Importer = importer;
        Queries = queries;
    }

    public DocumentStore Store { get; }

    public EventLog Log { get; }

    public ChronicleWriter Writer { get; }

    public Importer Importer { get; }

    public ChronicleQueries Queries { get; }

    public ValueTask DisposeAsync()
    {
        Store.Dispose();
        return ValueTask.CompletedTask;
    }
}
