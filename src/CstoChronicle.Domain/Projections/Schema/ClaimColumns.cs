namespace CstoChronicle.Domain.Projections.Schema;

/// <summary>
/// The bitemporal columns every claim table shares. A row is one version of a fact (<c>event_id</c>) written by an
/// event (<c>written_by</c>: the fact or a correction of it) at <c>position</c> / <c>recorded_at</c>; it holds the
/// historical date as written and its day bounds, and when (and by which event) it stopped being the current version.
/// A query at knownAt K, resolved to the log position P known at K, sees the rows written at or before P and not
/// superseded or retracted at or before P.
/// </summary>
internal static class ClaimColumns
{
    public const string Definition = """
            event_id      uuid        NOT NULL,
            written_by    uuid        NOT NULL PRIMARY KEY,
            position      bigint      NOT NULL,
            recorded_at   timestamptz NOT NULL,
            on_text       text        NOT NULL,
            earliest      date        NOT NULL,
            latest        date        NOT NULL,
            rank          text        NOT NULL,
            superseded_at timestamptz,
            superseded_by uuid,
            retracted_at  timestamptz,
            retracted_by  uuid,
        """;

    /// <summary>The columns read back into a <see cref="Claims.ClaimVersion"/>, in <see cref="ClaimReader"/>'s order.</summary>
    public const string Select = "event_id, written_by, position, on_text, rank";

    /// <summary>
    /// The rows a query known at log position P (the bigint parameter named; null for "everything stored") sees:
    /// written at or before P, and not superseded or retracted at or before P.
    /// </summary>
    public static string KnownAt(string parameter) =>
        $"position <= coalesce({parameter}, {long.MaxValue}) AND (superseded_position IS NULL OR superseded_position > coalesce({parameter}, {long.MaxValue})) " +
        $"AND (retracted_position IS NULL OR retracted_position > coalesce({parameter}, {long.MaxValue}))";

    /// <summary>Every table holding claim versions, for superseding and retracting a fact whatever its kind.</summary>
    public static readonly IReadOnlyList<string> Tables =
        [ChronicleTables.TimelineName, ChronicleTables.MembershipName, ChronicleTables.SecretaryGeneralName,
         ChronicleTables.ChairmanshipName, ChronicleTables.BodiesName, ChronicleTables.DocumentsName];
}
