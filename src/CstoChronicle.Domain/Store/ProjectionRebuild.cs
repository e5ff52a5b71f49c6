using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Projections.Schema;
using Marten;
using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// Rebuilds the chronicle projection from position zero through Marten's daemon. Marten knows nothing of the
/// chronicle's own tables, so they are emptied first; then the daemon replays every event up to the high-water mark
/// through the same projection the appends run inline.
/// </summary>
public static class ProjectionRebuild
{
    public static async Task RunAsync(IDocumentStore store, NpgsqlDataSource dataSource, string schema, CancellationToken ct = default)
    {
        SchemaName.Validate(schema);
        var tables = string.Join(", ", ChronicleMigrations.Tables.Select(t => $"{schema}.{t}"));
        await using (var command = dataSource.CreateCommand($"TRUNCATE {tables}"))
            await command.ExecuteNonQueryAsync(ct);

        using var daemon = await store.BuildProjectionDaemonAsync();
        await daemon.RebuildProjectionAsync(ChronicleProjection.ProjectionName, TimeSpan.FromMinutes(10), ct);
    }
}
