namespace CstoChronicle.EventStore.Schema;

/// <summary>
/// The append as one server-side function, so a plain append is a single round trip.
/// It returns one row with status 0 (appended: first position, first version, recorded_at);
/// status 1 rows (replay: the stored events of an earlier append with the same ids);
/// one row with status 2 (wrong expected version: the actual version) or 3 (event ids overlap
/// stored events of another batch or stream). For statuses 1-3 it writes nothing: the position
/// counter is bumped back within the same transaction.
/// Data and metadata travel as text[] and are cast per element: Npgsql's binary jsonb[] was twice as slow.
/// </summary>
internal static class AppendFunction
{
    public const int Appended = 0;
    public const int Replay = 1;
    public const int WrongVersion = 2;
    public const int EventIdConflict = 3;

    public const string Create = """
        CREATE OR REPLACE FUNCTION {schema}.es_append(
            p_stream_id text,
            p_expected  bigint,
            p_event_ids uuid[],
            p_types     text[],
            p_data      text[],
            p_metadata  text[],
            p_channel   text)
        RETURNS TABLE (status int, "position" bigint, version bigint, recorded_at timestamptz,
                       event_id uuid, type text, data jsonb, metadata jsonb)
        LANGUAGE plpgsql AS $$
        #variable_conflict use_column
        DECLARE
            n               int := cardinality(p_event_ids);
            v_last          bigint;
            v_now           timestamptz;
            v_current       bigint;
            v_stored_stream text;
            v_stored_first  bigint;
        BEGIN
            -- The row lock on the counter is held to commit: appends commit in position order.
            UPDATE {schema}.es_position AS p SET last_position = p.last_position + n RETURNING p.last_position INTO v_last;
            v_now := clock_timestamp();

            SELECT e.stream_id, e.version INTO v_stored_stream, v_stored_first
              FROM {schema}.es_events e WHERE e.event_id = p_event_ids[1];
            IF FOUND THEN
                UPDATE {schema}.es_position AS p SET last_position = p.last_position - n;
                IF v_stored_stream = p_stream_id AND p_event_ids = ARRAY(
                        SELECT e.event_id FROM {schema}.es_events e
                         WHERE e.stream_id = p_stream_id AND e.version >= v_stored_first AND e.version < v_stored_first + n
                         ORDER BY e.version) THEN
                    RETURN QUERY
                        SELECT 1, e.position, e.version, e.recorded_at, e.event_id, e.type, e.data, e.metadata
                          FROM {schema}.es_events e
                         WHERE e.stream_id = p_stream_id AND e.version >= v_stored_first AND e.version < v_stored_first + n
                         ORDER BY e.version;
                ELSE
                    RETURN QUERY SELECT 3, NULL::bigint, NULL::bigint, NULL::timestamptz, NULL::uuid, NULL::text, NULL::jsonb, NULL::jsonb;
                END IF;
                RETURN;
            END IF;

            SELECT s.version INTO v_current FROM {schema}.es_streams s WHERE s.stream_id = p_stream_id;
            v_current := coalesce(v_current, 0);
            IF p_expected <> -2 AND p_expected <> v_current THEN
                UPDATE {schema}.es_position AS p SET last_position = p.last_position - n;
                RETURN QUERY SELECT 2, NULL::bigint, v_current, NULL::timestamptz, NULL::uuid, NULL::text, NULL::jsonb, NULL::jsonb;
                RETURN;
            END IF;

            INSERT INTO {schema}.es_events (position, stream_id, version, event_id, type, data, metadata, recorded_at)
            SELECT v_last - n + u.ord, p_stream_id, v_current + u.ord, u.id, u.t, u.d::jsonb, u.m::jsonb, v_now
              FROM unnest(p_event_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u(id, t, d, m, ord);

            INSERT INTO {schema}.es_streams AS s (stream_id, version, created_at, updated_at)
            VALUES (p_stream_id, v_current + n, v_now, v_now)
            ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version, updated_at = excluded.updated_at;

            PERFORM pg_notify(p_channel, v_last::text);

            RETURN QUERY SELECT 0, v_last - n + 1, v_current + 1, v_now, NULL::uuid, NULL::text, NULL::jsonb, NULL::jsonb;
        END;
        $$;
        """;
}
