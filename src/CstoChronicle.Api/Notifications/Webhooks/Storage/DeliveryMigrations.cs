using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>The delivery queue's migrations, module "delivery". Append new ones; never edit an applied one.</summary>
public static class DeliveryMigrations
{
    public const string Module = "delivery";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "delivery queue tables", string.Join('\n', DeliveryTables.Subscriptions, DeliveryTables.Deliveries, DeliveryTables.Attempts)),
        new(2, "subscriptions belong to an owner; a deleted one keeps no secret", """
            ALTER TABLE {schema}.es_delivery_subscriptions ADD COLUMN owner text NULL;
            ALTER TABLE {schema}.es_delivery_subscriptions ALTER COLUMN secret DROP NOT NULL;
            UPDATE {schema}.es_delivery_subscriptions SET secret = NULL WHERE state = 'deleted';
            CREATE INDEX es_delivery_subscriptions_owner ON {schema}.es_delivery_subscriptions (owner, id) WHERE state <> 'deleted';
            """),
        new(3, "one payload per event; delivered work can be purged", """
            CREATE TABLE {schema}.es_delivery_payloads (
                position   bigint      NOT NULL PRIMARY KEY,
                event_id   uuid        NOT NULL,
                payload    text        NOT NULL,
                created_at timestamptz NOT NULL
            );
            INSERT INTO {schema}.es_delivery_payloads (position, event_id, payload, created_at)
            SELECT DISTINCT ON (position) position, event_id, payload, created_at FROM {schema}.es_deliveries ORDER BY position, id;
            ALTER TABLE {schema}.es_deliveries DROP COLUMN payload;
            CREATE INDEX es_deliveries_position ON {schema}.es_deliveries (position);
            CREATE INDEX es_deliveries_completed ON {schema}.es_deliveries (completed_at) WHERE state IN ('delivered', 'replayed');
            ALTER TABLE {schema}.es_deliveries DROP CONSTRAINT es_deliveries_replay_of_fkey,
                ADD CONSTRAINT es_deliveries_replay_of_fkey FOREIGN KEY (replay_of) REFERENCES {schema}.es_deliveries (id) ON DELETE SET NULL;
            ALTER TABLE {schema}.es_delivery_attempts DROP CONSTRAINT es_delivery_attempts_delivery_id_fkey,
                ADD CONSTRAINT es_delivery_attempts_delivery_id_fkey FOREIGN KEY (delivery_id) REFERENCES {schema}.es_deliveries (id) ON DELETE CASCADE;
            """),
        new(4, "delivery on Wolverine: the table is the log of its envelopes; payloads are written from the event", """
            ALTER TABLE {schema}.es_deliveries ADD COLUMN envelope_id uuid NULL;
            ALTER TABLE {schema}.es_deliveries ADD COLUMN needs_enqueue boolean NOT NULL DEFAULT false;
            UPDATE {schema}.es_deliveries SET needs_enqueue = true WHERE state = 'pending';
            CREATE INDEX es_deliveries_needs_enqueue ON {schema}.es_deliveries (id) WHERE needs_enqueue;
            ALTER TABLE {schema}.es_deliveries DROP CONSTRAINT es_deliveries_state_check,
                ADD CONSTRAINT es_deliveries_state_check CHECK (state IN ('pending', 'delivered', 'dead', 'replayed', 'discarded'));
            DROP INDEX {schema}.es_deliveries_completed;
            CREATE INDEX es_deliveries_completed ON {schema}.es_deliveries (completed_at) WHERE state IN ('delivered', 'replayed', 'discarded');
            DROP TABLE {schema}.es_delivery_payloads;
            """),
    ];
}
