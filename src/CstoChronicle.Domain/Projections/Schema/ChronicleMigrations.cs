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
        new(7, "timeline: the order index leads with the class of a fact's span, so a window reads each class from its own lookback (docs/decisions/0106)",
            """
            CREATE INDEX chr_timeline_by_span ON {schema}.chr_timeline ((CASE
                WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') = 0 THEN 0
                WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') <= 31 THEN 1
                WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') <= 366 THEN 2
                WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') <= 400 THEN 3
                ELSE 4 END), earliest, latest, position);
            DROP INDEX {schema}.chr_timeline_order;
            """),
        new(8, "secondary indexes a rebuild dropped, to build again at its end (docs/decisions/0007)",
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

    /// <summary>
    /// The longest span (latest - earliest, in days) of each class of chr_timeline_by_span, in class order: a single day,
    /// a month, a year, up to <see cref="TimelineLongSpanDays"/>; class 4 is the rest, the long spans of the GiST index.
    /// A fact of class k that reaches a day D began at most <c>TimelineSpanClasses[k]</c> days before D.
    /// </summary>
    public static readonly IReadOnlyList<int> TimelineSpanClasses = [0, 31, 366, TimelineLongSpanDays];

    /// <summary>
    /// The leading expression of chr_timeline_by_span (migration 7), which a query must repeat word for word (white space
    /// aside) to use the index; a test holds the two together.
    /// </summary>
    public const string TimelineSpanClass =
        "(CASE WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') = 0 THEN 0 " +
        "WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') <= 31 THEN 1 " +
        "WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') <= 366 THEN 2 " +
        "WHEN least(latest, date '9999-12-31') - greatest(earliest, date '0001-01-01') <= 400 THEN 3 " +
        "ELSE 4 END)";

    /// <summary>Every table the projection writes, emptied before a rebuild.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [.. ClaimColumns.Tables, "chr_citations", "chr_sources", "chr_log"];

    /// <summary>Tables a rebuild's corrections and retractions update by primary key: they keep it while the others are refilled (decision 0009).</summary>
    public static readonly IReadOnlyList<string> KeyedTables = ["chr_log"];
}
