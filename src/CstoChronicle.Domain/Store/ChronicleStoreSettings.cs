namespace CstoChronicle.Domain.Store;

/// <summary>Where the chronicle's store lives and how its schema is managed.</summary>
public sealed record ChronicleStoreSettings
{
    private readonly string _schema = "chronicle";

    /// <summary>The PostgreSQL schema of Marten's event tables and the chronicle's own tables; validated against ^[a-z_][a-z0-9_]{0,62}$.</summary>
    public string Schema
    {
        get => _schema;
        init => _schema = SchemaName.Validate(value);
    }

    /// <summary>
    /// True in development and tests: Marten creates or updates its tables at start. False in production, where the
    /// schema is applied by an explicit command (<c>./run.sh apply-schema</c>) and a missing table is an error.
    /// </summary>
    public bool AutoCreateSchema { get; init; } = true;

    /// <summary>
    /// How long a hole in the positions may stay open before the high-water mark passes it as a rolled-back append.
    /// Marten first probes whether the transaction that holds the hole is still alive; this is the floor.
    /// </summary>
    public TimeSpan StaleSequenceThreshold { get; init; } = TimeSpan.FromSeconds(3);
}
