using Npgsql;

namespace CstoChronicle.EventStore;

/// <summary>
/// A projection writes its own tables from events. The same instance can run inline (inside the
/// append's transaction) or asynchronously (by the daemon, with a checkpoint), so a rebuild gives
/// the tables the inline path gave.
/// </summary>
public interface IProjection
{
    /// <summary>Stable name; the daemon's checkpoint row is keyed by it.</summary>
    string Name { get; }

    /// <summary>Event types this projection reads; null for all.</summary>
    IReadOnlyCollection<string>? EventTypes { get; }

    /// <summary>Applies events in position order. Inline, they are one append's events (one stream).</summary>
    Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct);

    /// <summary>Empties the projection's tables before a rebuild from position zero.</summary>
    Task ResetAsync(ProjectionContext context, CancellationToken ct);
}

/// <summary>The open connection and transaction a projection writes in, and the schema its tables live in.</summary>
public sealed record ProjectionContext(NpgsqlConnection Connection, NpgsqlTransaction Transaction, string Schema);
