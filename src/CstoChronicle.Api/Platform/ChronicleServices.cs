using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Projections;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Writing;
using CstoChronicle.EventStore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Platform;

/// <summary>
/// The chronicle as this process uses it: one store (with the inline projection), its queries, its writer, the importer.
/// The store is registered once, as PostgresEventStore only: a second registration (IEventStore) would be disposed twice.
/// </summary>
public static class ChronicleServices
{
    public static IServiceCollection AddChronicle(this IServiceCollection services)
    {
        services.AddSingleton(provider => new EventStoreOptions { Schema = provider.GetRequiredService<IOptions<ChronicleSettings>>().Value.Schema });
        services.AddSingleton<ChronicleProjection>();
        services.AddSingleton(provider => new PostgresEventStore(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<EventStoreOptions>(),
            [provider.GetRequiredService<ChronicleProjection>()]));
        services.AddSingleton(provider => new ChronicleQueries(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<EventStoreOptions>().Schema,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton(provider => new ChronicleWriter(provider.GetRequiredService<PostgresEventStore>()));
        services.AddSingleton(provider => new Importer(
            provider.GetRequiredService<ChronicleWriter>(), provider.GetRequiredService<PostgresEventStore>(), provider.GetRequiredService<ILogger<Importer>>()));
        services.AddHostedService<ChronicleStartup>();
        return services;
    }
}
