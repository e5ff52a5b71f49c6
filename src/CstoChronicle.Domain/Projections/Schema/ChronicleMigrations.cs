using CstoChronicle.EventStore;

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
    ];

    /// <summary>Every table the projection writes, emptied before a rebuild.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [.. ClaimColumns.Tables, "chr_citations", "chr_sources", "chr_log"];
}
