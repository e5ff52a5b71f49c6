namespace CstoChronicle.Api.Platform;

/// <summary>The <c>Chronicle</c> configuration section.</summary>
public sealed class ChronicleSettings
{
    public const string Section = "Chronicle";
    public const string ConnectionStringName = "Chronicle";

    /// <summary>The owner's connection string, for schema changes only; the service then runs as the role of ConnectionStrings:Chronicle.</summary>
    public const string OwnerConnectionStringName = "ChronicleOwner";
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The PostgreSQL schema of the store, the chronicle and the API's own tables.</summary>
    public string Schema { get; set; } = "chronicle";

    /// <summary>
    /// Marten creates or updates its tables at start (development, tests). Production sets it to false and applies
    /// the schema with <c>./run.sh apply-schema</c> before starting.
    /// </summary>
    public bool AutoCreateSchema { get; set; } = true;

    /// <summary>Load the CSTO dataset at start-up when the store is empty.</summary>
    public bool ImportDataset { get; set; } = true;

    /// <summary>The dataset folder (holding sources.json); default: the first data/ found above the application.</summary>
    public string? DatasetFolder { get; set; }

    /// <summary>The largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Writes one API key may send per minute before it gets 429.</summary>
    public int WritesPerMinute { get; set; } = 120;

    /// <summary>How long a stored Idempotency-Key answer is kept.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>API keys given in configuration, as SHA-256 hashes (see create-key --hash-only).</summary>
    public List<ConfiguredApiKey> ApiKeys { get; set; } = [];
}

public sealed class ConfiguredApiKey
{
    public string Name { get; set; } = "";
    public string Role { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the key's text.</summary>
    public string Hash { get; set; } = "";
}
