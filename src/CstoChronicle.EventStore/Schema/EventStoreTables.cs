namespace CstoChronicle.EventStore.Schema;

/// <summary>The DDL of the store's tables, one constant per table. <c>{schema}</c> is replaced by the migrator.</summary>
internal static class EventStoreTables
{
    /// <summary>The log. Positions are assigned from es_position under its row lock, so they are gapless and commit in order.</summary>
    public const string Events = """
        CREATE TABLE {schema}.es_events (
            position    bigint      NOT NULL,
            stream_id   text        NOT NULL,
            version     bigint      NOT NULL,
            event_id    uuid        NOT NULL,
            type        text        NOT NULL,
            data        jsonb       NOT NULL,
            metadata    jsonb       NOT NULL,
            recorded_at timestamptz NOT NULL,
            CONSTRAINT es_events_pkey PRIMARY KEY (position),
            CONSTRAINT es_events_stream_version_key UNIQUE (stream_id, version),
            CONSTRAINT es_events_event_id_key UNIQUE (event_id),
            CONSTRAINT es_events_version_positive CHECK (version >= 1)
        );
        """;

    public const string Streams = """
        CREATE TABLE {schema}.es_streams (
            stream_id  text        NOT NULL PRIMARY KEY,
            version    bigint      NOT NULL,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL
        );
        """;

    /// <summary>One row: the last assigned position. Its row lock, taken by every append, orders commits.</summary>
    public const string Position = """
        CREATE TABLE {schema}.es_position (
            id            boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (id),
            last_position bigint  NOT NULL
        );
        INSERT INTO {schema}.es_position (id, last_position) VALUES (true, 0);
        """;

    /// <summary>One checkpoint per asynchronous projection or subscription.</summary>
    public const string Progression = """
        CREATE TABLE {schema}.es_progression (
            name          text        NOT NULL PRIMARY KEY,
            last_position bigint      NOT NULL,
            updated_at    timestamptz NOT NULL
        );
        """;
}
