using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Ends the current version of a corrected or retracted fact: nothing is deleted, the rows only learn when (recorded
/// time) and by which event they stopped being current, so queries at an earlier knownAt still see them.
/// </summary>
internal static class CorrectionTargets
{
    /// <summary>The type of the fact a correction targets, or null when the target is not in the log.</summary>
    public static async Task<string?> TypeOfAsync(ProjectionContext context, Guid target, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"SELECT type FROM {context.Schema}.chr_log WHERE event_id = $1", context.Connection, context.Transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = target });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    public static Task SupersedeAsync(ProjectionContext context, Guid target, RecordedEvent correction, CancellationToken ct) =>
        EndCurrentAsync(context, target, correction, "superseded", ct);

    /// <summary>Returns the target's title, for the retraction's own log entry.</summary>
    public static async Task<string?> RetractAsync(ProjectionContext context, Guid target, RecordedEvent retraction, CancellationToken ct)
    {
        await EndCurrentAsync(context, target, retraction, "retracted", ct);
        await using var command = new NpgsqlCommand($"SELECT title FROM {context.Schema}.chr_log WHERE event_id = $1", context.Connection, context.Transaction);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = target });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    /// <summary><paramref name="how"/> is "superseded" or "retracted": the pair of columns to set (a fixed name, never input).</summary>
    private static async Task EndCurrentAsync(ProjectionContext context, Guid target, RecordedEvent by, string how, CancellationToken ct)
    {
        const string current = "event_id = $1 AND superseded_at IS NULL AND retracted_at IS NULL";
        var statements = ClaimColumns.Tables
            .Select(table => $"UPDATE {context.Schema}.{table} SET {how}_at = $2, {how}_by = $3 WHERE {current}")
            .Append($"UPDATE {context.Schema}.chr_log SET {how}_at = $2, {how}_by = $3 WHERE event_id = $1 AND {how}_by IS NULL");

        await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
        foreach (var sql in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = target });
            command.Parameters.Add(new NpgsqlParameter<DateTimeOffset> { TypedValue = by.RecordedAt, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = by.EventId });
            batch.BatchCommands.Add(command);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }
}
