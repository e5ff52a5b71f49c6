using CstoChronicle.Domain.Queries;

namespace CstoChronicle.Api.Reads;

/// <summary>
/// The queries on the primary and on the read database (a streaming replica when <c>ConnectionStrings:ChronicleRead</c>
/// is set, else the primary again). knownAt is resolved on the primary: a replica may not have replayed yet the mark
/// recorded just before an instant, and resolving there could answer an older position for it.
/// </summary>
public sealed class ReadSources(ChronicleQueries primary, ChronicleQueries read, bool hasReplica)
{
    public ChronicleQueries Primary { get; } = primary;
    public ChronicleQueries Read { get; } = read;
    public bool HasReplica { get; } = hasReplica;
}
