namespace CstoChronicle.Domain.Projections.Schema;

/// <summary>
/// knownAt made exact (docs/decisions/0004). Marten's timestamps do not follow commit order, so an instant is
/// resolved to a log position through chr_known_positions: one row each time Marten's high-water mark advances,
/// written by a trigger on mt_event_progression in the same transaction, its instant taken under a lock. Everything
/// at or below a recorded mark had committed (or rolled back for good) when the row was written.
/// The claim tables and the log learn the position that ended each version, so a query filters by position alone.
/// </summary>
internal static class KnownPositions
{
    /// <summary>Resolving knownAt takes this lock shared; the trigger takes it exclusively before reading the clock.</summary>
    public const string LockKey = "hashtextextended('chr_known_positions:{schema}', 0)";

    public const string Migration = $$"""
        ALTER TABLE {schema}.chr_log ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;
        ALTER TABLE {schema}.chr_timeline ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;
        ALTER TABLE {schema}.chr_membership ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;
        ALTER TABLE {schema}.chr_secretary_general ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;
        ALTER TABLE {schema}.chr_chairmanship ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;
        ALTER TABLE {schema}.chr_bodies ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;
        ALTER TABLE {schema}.chr_documents ADD COLUMN superseded_position bigint, ADD COLUMN retracted_position bigint;

        UPDATE {schema}.chr_timeline AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_timeline AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;
        UPDATE {schema}.chr_membership AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_membership AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;
        UPDATE {schema}.chr_secretary_general AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_secretary_general AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;
        UPDATE {schema}.chr_chairmanship AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_chairmanship AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;
        UPDATE {schema}.chr_bodies AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_bodies AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;
        UPDATE {schema}.chr_documents AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_documents AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;
        UPDATE {schema}.chr_log AS t SET superseded_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.superseded_by;
        UPDATE {schema}.chr_log AS t SET retracted_position = l.position FROM {schema}.chr_log AS l WHERE l.event_id = t.retracted_by;

        CREATE TABLE {schema}.chr_known_positions (
            position bigint      NOT NULL PRIMARY KEY,
            known_at timestamptz NOT NULL
        );
        CREATE INDEX chr_known_positions_at ON {schema}.chr_known_positions (known_at, position);

        CREATE FUNCTION {schema}.chr_note_high_water() RETURNS trigger LANGUAGE plpgsql AS $fn$
        DECLARE
            v_last bigint;
            v_at   timestamptz;
        BEGIN
            IF NEW.name <> 'HighWaterMark' THEN
                RETURN NEW;
            END IF;
            PERFORM pg_advisory_xact_lock({{LockKey}});
            SELECT position, known_at INTO v_last, v_at FROM {schema}.chr_known_positions ORDER BY position DESC LIMIT 1;
            IF NEW.last_seq_id > coalesce(v_last, 0) THEN
                INSERT INTO {schema}.chr_known_positions (position, known_at)
                VALUES (NEW.last_seq_id, greatest(clock_timestamp(), v_at));
            END IF;
            RETURN NEW;
        END;
        $fn$;

        CREATE TRIGGER chr_note_high_water AFTER INSERT OR UPDATE ON {schema}.mt_event_progression
            FOR EACH ROW EXECUTE FUNCTION {schema}.chr_note_high_water();
        """;
}
