using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Projections.Schema;

/// <summary>The projection tables' migrations, module "chronicle-views", in the store's schema. Append new ones; never edit an applied one.</summary>
public static class ChronicleMigrations
{
    public const string Module = "chronicle-views";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "chronicle projection tables", string.Join('\n',
            ChronicleTables.Timeline, ChronicleTables.Membership, ChronicleTables.SecretaryGeneral, ChronicleTables.Chairmanship,
            ChronicleTables.Bodies, ChronicleTables.Documents, ChronicleTables.Citations, ChronicleTables.Sources, ChronicleTables.Log)),
        new(2, "timeline day ranges (GiST) for facts spanning the start of a window",
            "CREATE INDEX chr_timeline_span ON {schema}.chr_timeline USING gist (daterange(earliest, latest, '[]'));"),
        new(3, "timeline: only spans longer than 400 days in the GiST index; shorter ones are read from the btree",
            $$"""
            DROP INDEX {schema}.chr_timeline_span;
            CREATE INDEX chr_timeline_long_spans ON {schema}.chr_timeline USING gist (daterange(earliest, latest, '[]'))
             WHERE {{TimelineLongSpan}};
            """),
        new(4, "knownAt by log position: the position that ended each version, and the high-water marks as they advanced",
            KnownPositions.Migration),
        new(5, "the log keeps no copy of the event data: readers take it from Marten's mt_events (docs/decisions/0005)",
            "ALTER TABLE {schema}.chr_log DROP COLUMN data;"),
        new(6, "offices other than the Secretary General's: chr_secretary_general holds every office, named in its office column",
            """
            ALTER TABLE {schema}.chr_secretary_general ADD COLUMN office text NOT NULL DEFAULT 'secretary-general';
            CREATE INDEX chr_secretary_general_office ON {schema}.chr_secretary_general (office, earliest);
            """),
        new(7, "secondary indexes a rebuild dropped, to build again at its end (docs/decisions/0007)",
            $$"""
            CREATE TABLE {schema}.{{DeferredIndexes.Table}} (
                index_name text NOT NULL PRIMARY KEY,
                definition text NOT NULL
            );
            """),
    ];

    /// <summary>Longer than any year, the longest partial date: facts spanning more days are few (intervals, open ends).</summary>
    public const int TimelineLongSpanDays = 400;

    /// <summary>
    /// The predicate of chr_timeline_long_spans; a query must repeat it word for word to use the index. Open ends are
    /// stored as infinite dates, which cannot be subtracted, hence the clamps.
    /// </summary>
    public const string TimelineLongSpan = "least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') > 400";

    /// <summary>Every table the projection writes, emptied before a rebuild.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [.. ClaimColumns.Tables, "chr_citations", "chr_sources", "chr_log"];
}
