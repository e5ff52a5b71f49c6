namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>
/// The DDL of the delivery queue as migration 1 made it, one constant per table. <c>{schema}</c> is replaced by the
/// migrator. Later migrations (DeliveryMigrations) change them: owners (2); payloads moved to
/// <c>es_delivery_payloads</c>, one per event, and purgeable delivered work (3).
/// </summary>
internal static class DeliveryTables
{
    /// <summary>
    /// Who wants which events (migration 2 adds <c>owner</c>, the API key's name, and lets <c>secret</c> be null once deleted). <c>after_position</c> is where the subscription starts: it receives the
    /// events after it. Deleted subscriptions are kept (their deliveries and log reference them).
    /// </summary>
    public const string Subscriptions = """
        CREATE TABLE {schema}.es_delivery_subscriptions (
            id             uuid        NOT NULL PRIMARY KEY,
            target         text        NOT NULL,
            event_types    text[]      NULL,
            stream_ids     text[]      NULL,
            secret         text        NOT NULL,
            description    text        NULL,
            state          text        NOT NULL CHECK (state IN ('active', 'disabled', 'deleted')),
            state_reason   text        NULL,
            after_position bigint      NOT NULL,
            created_at     timestamptz NOT NULL,
            updated_at     timestamptz NOT NULL
        );
        """;

    /// <summary>
    /// The outbox: one row per event and subscription, in id order per subscription. A replayed dead
    /// letter is a new row (<c>replay_of</c>) at the end of its subscription's queue.
    /// </summary>
    public const string Deliveries = """
        CREATE TABLE {schema}.es_deliveries (
            id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            subscription_id uuid        NOT NULL REFERENCES {schema}.es_delivery_subscriptions (id),
            position        bigint      NOT NULL,
            event_id        uuid        NOT NULL,
            event_type      text        NOT NULL,
            stream_id       text        NOT NULL,
            payload         text        NOT NULL,
            state           text        NOT NULL CHECK (state IN ('pending', 'delivered', 'dead', 'replayed')),
            attempts        integer     NOT NULL DEFAULT 0,
            next_attempt_at timestamptz NOT NULL,
            last_status     integer     NULL,
            last_error      text        NULL,
            replay_of       bigint      NULL REFERENCES {schema}.es_deliveries (id),
            created_at      timestamptz NOT NULL,
            completed_at    timestamptz NULL
        );
        CREATE UNIQUE INDEX es_deliveries_subscription_position ON {schema}.es_deliveries (subscription_id, position) WHERE replay_of IS NULL;
        CREATE INDEX es_deliveries_pending ON {schema}.es_deliveries (subscription_id, id) WHERE state = 'pending';
        CREATE INDEX es_deliveries_by_subscription ON {schema}.es_deliveries (subscription_id, id DESC);
        """;

    /// <summary>The delivery log: every attempt that got an answer or an error (an attempt cut off by a crash leaves none).</summary>
    public const string Attempts = """
        CREATE TABLE {schema}.es_delivery_attempts (
            delivery_id     bigint      NOT NULL REFERENCES {schema}.es_deliveries (id),
            attempt         integer     NOT NULL,
            subscription_id uuid        NOT NULL,
            attempted_at    timestamptz NOT NULL,
            duration_ms     integer     NOT NULL,
            outcome         text        NOT NULL CHECK (outcome IN ('delivered', 'failed', 'gone', 'dead')),
            status_code     integer     NULL,
            error           text        NULL,
            PRIMARY KEY (delivery_id, attempt)
        );
        """;
}
