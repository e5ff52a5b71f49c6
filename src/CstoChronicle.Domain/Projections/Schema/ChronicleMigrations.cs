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
    ];

    /// <summary>Every table the projection writes, emptied before a rebuild.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [.. ClaimColumns.Tables, "chr_citations", "chr_sources", "chr_log"];
}
