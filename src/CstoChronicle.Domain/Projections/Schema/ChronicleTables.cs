namespace CstoChronicle.Domain.Projections.Schema;

/// <summary>The DDL of the chronicle's projection tables, one constant per table. <c>{schema}</c> is replaced by the migrator.</summary>
internal static class ChronicleTables
{
    public const string TimelineName = "chr_timeline";
    public const string MembershipName = "chr_membership";
    public const string SecretaryGeneralName = "chr_secretary_general";
    public const string ChairmanshipName = "chr_chairmanship";
    public const string BodiesName = "chr_bodies";
    public const string DocumentsName = "chr_documents";

    /// <summary>Every historical event (each version of it), in historical order for the timeline and per entity.</summary>
    public const string Timeline = $$"""
        CREATE TABLE {schema}.chr_timeline (
        {{ClaimColumns.Definition}}
            type      text NOT NULL,
            stream_id text NOT NULL,
            title     text NOT NULL
        );
        CREATE INDEX chr_timeline_order ON {schema}.chr_timeline (earliest, latest, position);
        CREATE INDEX chr_timeline_stream ON {schema}.chr_timeline (stream_id, earliest, latest, position);
        CREATE INDEX chr_timeline_event ON {schema}.chr_timeline (event_id);
        """;

    public const string Membership = $$"""
        CREATE TABLE {schema}.chr_membership (
        {{ClaimColumns.Definition}}
            state  text NOT NULL,
            change text NOT NULL
        );
        CREATE INDEX chr_membership_state ON {schema}.chr_membership (state, earliest);
        CREATE INDEX chr_membership_earliest ON {schema}.chr_membership (earliest);
        CREATE INDEX chr_membership_event ON {schema}.chr_membership (event_id);
        """;

    /// <summary>Every office's claims, despite the name: migration 6 adds the <c>office</c> column (default <c>secretary-general</c>).</summary>
    public const string SecretaryGeneral = $$"""
        CREATE TABLE {schema}.chr_secretary_general (
        {{ClaimColumns.Definition}}
            change         text NOT NULL,
            person_id      text NOT NULL,
            name           text,
            state          text,
            term_ends_text text,
            term_ends      date
        );
        CREATE INDEX chr_secretary_general_earliest ON {schema}.chr_secretary_general (earliest);
        CREATE INDEX chr_secretary_general_event ON {schema}.chr_secretary_general (event_id);
        """;

    public const string Chairmanship = $$"""
        CREATE TABLE {schema}.chr_chairmanship (
        {{ClaimColumns.Definition}}
            state text NOT NULL
        );
        CREATE INDEX chr_chairmanship_earliest ON {schema}.chr_chairmanship (earliest);
        CREATE INDEX chr_chairmanship_event ON {schema}.chr_chairmanship (event_id);
        """;

    public const string Bodies = $$"""
        CREATE TABLE {schema}.chr_bodies (
        {{ClaimColumns.Definition}}
            body   text NOT NULL,
            change text NOT NULL,
            name   text,
            kind   text
        );
        CREATE INDEX chr_bodies_body ON {schema}.chr_bodies (body, earliest);
        CREATE INDEX chr_bodies_earliest ON {schema}.chr_bodies (earliest);
        CREATE INDEX chr_bodies_event ON {schema}.chr_bodies (event_id);
        """;

    public const string Documents = $$"""
        CREATE TABLE {schema}.chr_documents (
        {{ClaimColumns.Definition}}
            document text NOT NULL,
            change   text NOT NULL,
            title    text,
            kind     text,
            place    text,
            state    text,
            states   text[]
        );
        CREATE INDEX chr_documents_document ON {schema}.chr_documents (document, earliest);
        CREATE INDEX chr_documents_earliest ON {schema}.chr_documents (earliest);
        CREATE INDEX chr_documents_event ON {schema}.chr_documents (event_id);
        """;

    /// <summary>Who cites what: one row per citation of an event (a fact, a correction or a retraction).</summary>
    public const string Citations = """
        CREATE TABLE {schema}.chr_citations (
            event_id  uuid NOT NULL,
            ordinal   int  NOT NULL,
            source_id text NOT NULL,
            locator   text,
            quote     text,
            PRIMARY KEY (event_id, ordinal)
        );
        CREATE INDEX chr_citations_source ON {schema}.chr_citations (source_id);
        """;

    public const string Sources = """
        CREATE TABLE {schema}.chr_sources (
            source_id   text        NOT NULL PRIMARY KEY,
            title       text        NOT NULL,
            publisher   text,
            url         text,
            seed_file   text,
            published   text,
            language    text        NOT NULL,
            event_id    uuid        NOT NULL,
            position    bigint      NOT NULL,
            recorded_at timestamptz NOT NULL
        );
        """;

    /// <summary>
    /// Every event the chronicle recorded, as the audit, the entity history and the event page read it: who, when, why,
    /// what it targets (corrections, retractions), and which event first superseded or retracted it.
    /// </summary>
    public const string Log = """
        CREATE TABLE {schema}.chr_log (
            event_id      uuid        NOT NULL PRIMARY KEY,
            position      bigint      NOT NULL UNIQUE,
            stream_id     text        NOT NULL,
            version       bigint      NOT NULL,
            type          text        NOT NULL,
            recorded_at   timestamptz NOT NULL,
            recorded_by   text,
            reason        text,
            data          jsonb       NOT NULL,
            on_text       text,
            title         text,
            target        uuid,
            superseded_at timestamptz,
            superseded_by uuid,
            retracted_at  timestamptz,
            retracted_by  uuid
        );
        CREATE INDEX chr_log_stream ON {schema}.chr_log (stream_id, position);
        CREATE INDEX chr_log_recorded ON {schema}.chr_log (recorded_at, position);
        """;
}
