namespace CstoChronicle.Api.Reads;

/// <summary>The <c>Chronicle:Reads</c> configuration section: where point-in-time reads go and how fresh they are.</summary>
public sealed class ReadSettings
{
    public const string Section = "Chronicle:Reads";

    /// <summary>The read connection (a streaming replica): <c>ConnectionStrings:ChronicleRead</c>. Unset: reads go to the primary.</summary>
    public const string ConnectionStringName = "ChronicleRead";

    /// <summary>How often each node reads the head of the log and the newest high-water mark from its read database.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// With a replica: how long a read that must include a position (minPosition, or a write made through this node)
    /// waits for the replica to reach it before the primary answers it.
    /// </summary>
    public TimeSpan ReplicaWait { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Positions whose views a node keeps in memory, per view (the newest and the ones past knownAt answers read at).</summary>
    public int KeptPositions { get; set; } = 16;

    /// <summary>
    /// Whether each node holds the timeline in memory (every version of every fact, kept up to its read database's
    /// newest mark) and answers settled pages from there; off, every page is read from PostgreSQL (docs/decisions/0108).
    /// </summary>
    public bool TimelineInMemory { get; set; } = true;
}
