using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Writing;
using CstoChronicle.EventStore;
using CstoChronicle.EventStore.Notifications;
using CstoChronicle.EventStore.Schema;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CstoChronicle.Domain;

/// <summary>The composition root of the chronicle: migrates the store and the projection tables, wires the store with its inline projection.</summary>
public static class ChronicleModule
{
    /// <param name="listener">A notification listener to share (e.g. with the API's SSE streams); the store makes its own when null.</param>
    /// <param name="loggerFactory">Where the importer reports what it loaded; silent when null.</param>
    public static async Task<Chronicle> CreateAsync(
        NpgsqlDataSource dataSource, EventStoreOptions options, TimeProvider time,
        NotificationListener? listener = null, ILoggerFactory? loggerFactory = null, CancellationToken ct = default)
    {
        var projection = new ChronicleProjection();
        var store = new PostgresEventStore(dataSource, options, [projection], listener);
        try
        {
            await store.MigrateAsync(ct);
            await MigrateProjectionTablesAsync(dataSource, options, ct);
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }

        var writer = new ChronicleWriter(store);
        var importer = new Importer(writer, store, loggerFactory?.CreateLogger<Importer>());
        return new Chronicle(store, projection, writer, importer, new ChronicleQueries(dataSource, options.Schema, time));
    }

    /// <summary>Creates or updates the projection tables in the store's schema (idempotent; concurrent callers wait for each other).</summary>
    public static Task MigrateProjectionTablesAsync(NpgsqlDataSource dataSource, EventStoreOptions options, CancellationToken ct = default) =>
        new SchemaMigrator(dataSource, options.Schema).MigrateAsync(ChronicleMigrations.Module, ChronicleMigrations.All, ct);
}
