using CstoChronicle.EventStore.Schema;

namespace CstoChronicle.EventStore;

public sealed record EventStoreOptions
{
    private readonly string _schema = "chronicle";

    /// <summary>The PostgreSQL schema holding the store's tables; validated against ^[a-z_][a-z0-9_]{0,62}$.</summary>
    public string Schema
    {
        get => _schema;
        init => _schema = SchemaName.Validate(value);
    }

    /// <summary>How often a subscription re-reads the store when no notification arrives (the fallback to LISTEN/NOTIFY).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Events a subscription reads per query.</summary>
    public int SubscriptionBatchSize { get; init; } = 500;

    /// <summary>First and longest wait before the notification listener reconnects after losing its connection.</summary>
    public TimeSpan ListenerReconnectMinDelay { get; init; } = TimeSpan.FromMilliseconds(200);
    public TimeSpan ListenerReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The LISTEN/NOTIFY channel of this schema (at most 63 bytes, a PostgreSQL identifier).</summary>
    public string NotificationChannel => ("es_events_" + Schema) is var name && name.Length > 63 ? name[..63] : name;
}
