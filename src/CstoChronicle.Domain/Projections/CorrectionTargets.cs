using CstoChronicle.Domain.Projections.Schema;
using Marten;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Ends the current version of a corrected or retracted fact: nothing is deleted, the rows only learn when (recorded
/// time and log position) and by which event they stopped being current, so queries at an earlier knownAt still see them.
/// Each change is one queued statement, so it sees the rows queued before it in the same unit of work.
/// </summary>
internal static class CorrectionTargets
{
    public static void Supersede(IDocumentOperations operations, string schema, Guid target, ProjectedEvent correction) =>
        EndCurrent(operations, schema, target, correction, "superseded");

    public static void Retract(IDocumentOperations operations, string schema, Guid target, ProjectedEvent retraction) =>
        EndCurrent(operations, schema, target, retraction, "retracted");

    /// <summary>The retraction's own log entry is titled after the fact it retracts.</summary>
    public static void TitleRetraction(IDocumentOperations operations, string schema, Guid retraction, Guid target) =>
        operations.QueueSqlCommand(
            $"UPDATE {schema}.chr_log AS r SET title = 'Retraction: ' || t.title FROM {schema}.chr_log AS t " +
            "WHERE r.event_id = ?::uuid AND t.event_id = ?::uuid AND t.title IS NOT NULL",
            retraction, target);

    /// <summary><paramref name="how"/> is "superseded" or "retracted": the columns to set (a fixed name, never input).</summary>
    private static void EndCurrent(IDocumentOperations operations, string schema, Guid target, ProjectedEvent by, string how)
    {
        const string current = "event_id = ?::uuid AND superseded_at IS NULL AND retracted_at IS NULL";
        object[] values = [by.RecordedAt.ToUniversalTime(), by.Position, by.EventId, target];
        foreach (var table in ClaimColumns.Tables)
            operations.QueueSqlCommand(
                $"UPDATE {schema}.{table} SET {how}_at = ?::timestamptz, {how}_position = ?::bigint, {how}_by = ?::uuid WHERE {current}", values);
        operations.QueueSqlCommand(
            $"UPDATE {schema}.chr_log SET {how}_at = ?::timestamptz, {how}_position = ?::bigint, {how}_by = ?::uuid " +
            $"WHERE event_id = ?::uuid AND {how}_by IS NULL", values);
    }
}
