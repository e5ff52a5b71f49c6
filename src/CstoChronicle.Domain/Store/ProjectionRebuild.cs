using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Projections.Schema;
using Marten;
using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// Rebuilds the chronicle projection from position zero through Marten's daemon. Marten knows nothing of the
/// chronicle's own tables, so they are emptied first; then the daemon replays every event up to the high-water mark
/// through the same projection the appends run inline. A role that owns the tables drops their indexes for the replay
/// and builds them again at its end (<see cref="DeferredIndexes"/>, docs/decisions/0007 and 0009).
/// </summary>
public static class ProjectionRebuild
{
    public static async Task RunAsync(IDocumentStore store, NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        SchemaName.Validate(schema);
        var indexes = DeferredIndexes.OfChronicleTables(dataSource, schema);
        var tables = string.Join(", ", ChronicleMigrations.Tables.Select(t => $"{schema}.{t}"));
        await using (var command = dataSource.CreateCommand($"TRUNCATE {tables}"))
            await command.ExecuteNonQueryAsync(ct);
        // Emptied first, so that the indexes and keys a rebuild that died left to build go back on empty tables:
        // a key its rows broke cannot stop the rebuild that replaces them.
        await indexes.RestoreAsync(ct);

        var dropped = await indexes.DropAsync(ct);
        try
        {
            using var daemon = await store.BuildProjectionDaemonAsync();
            await daemon.RebuildProjectionAsync(ChronicleProjection.ProjectionName, TimeSpan.FromMinutes(10), ct);
        }
        finally
        {
            // Also when the rebuild failed or was cancelled: the tables must not stay without their indexes.
            if (dropped) await indexes.RestoreAsync(CancellationToken.None);
        }
    }
}
