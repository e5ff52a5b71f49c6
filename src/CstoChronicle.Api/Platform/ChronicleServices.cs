using CstoChronicle.Domain;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Writing;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine.Marten;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// The chronicle as this process uses it: Marten's store (the chronicle projection inline; Wolverine's envelope storage in
/// the same schema, so an append and its outgoing messages commit together), its async daemon on one node at a time
/// (HotCold leadership), the queries, the writer (every append enlists the <see cref="IAppendEnlistment"/>, if any), the importer.
/// </summary>
public static class ChronicleServices
{
    private const string ServiceStoreSettings = "service";

    public static IServiceCollection AddChronicle(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var settings = provider.GetRequiredService<IOptions<ChronicleSettings>>().Value;
            return new ChronicleStoreSettings { Schema = settings.Schema, AutoCreateSchema = settings.AutoCreateSchema };
        });
        // The service's own store never changes the schema when an owner does (ChronicleStartup applies it as the owner).
        services.AddKeyedSingleton(ServiceStoreSettings, (provider, _) =>
        {
            var settings = provider.GetRequiredService<ChronicleStoreSettings>();
            return provider.GetRequiredService<SchemaOwner>().IsSeparate ? settings with { AutoCreateSchema = false } : settings;
        });
        // Before Marten's own hosted services: the schema is ready when the daemon starts.
        services.AddHostedService<ChronicleStartup>();
        services.AddMarten(provider => ChronicleModule.StoreOptionsFor(provider.GetRequiredService<NpgsqlDataSource>(),
                provider.GetRequiredKeyedService<ChronicleStoreSettings>(ServiceStoreSettings)))
            .AddAsyncDaemon(DaemonMode.HotCold)
            .IntegrateWithWolverine();
        services.AddSingleton(provider => new EventLog(provider.GetRequiredService<IDocumentStore>(), provider.GetService<IAppendEnlistment>()));
        services.AddSingleton(provider => new ChronicleQueries(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ChronicleStoreSettings>().Schema,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ChronicleWriter(provider.GetRequiredService<EventLog>()));
        services.AddSingleton(provider => new Importer(
            provider.GetRequiredService<ChronicleWriter>(), provider.GetRequiredService<EventLog>(), provider.GetRequiredService<ILogger<Importer>>()));
        return services;
    }
}
