using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Api.Reads;

public static class ReadServices
{
    /// <summary>The key of the read database's NpgsqlDataSource: the replica, or the primary's own data source.</summary>
    public const string ReadDataSource = "read";

    /// <summary>
    /// Point-in-time reads: on <c>ConnectionStrings:ChronicleRead</c> (a streaming replica) when it is set, else on the
    /// primary; the views kept by position, and the watch of each node's read position.
    /// </summary>
    public static IServiceCollection AddChronicleReads(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ReadSettings>().Bind(configuration.GetSection(ReadSettings.Section));
        var replica = configuration.GetConnectionString(ReadSettings.ConnectionStringName);
        var hasReplica = !string.IsNullOrWhiteSpace(replica);
        services.AddKeyedSingleton(ReadDataSource, (provider, _) => hasReplica
            ? new NpgsqlDataSourceBuilder(replica) { Name = "chronicle-read" }.Build()
            : provider.GetRequiredService<NpgsqlDataSource>());
        services.AddSingleton(provider =>
        {
            var schema = provider.GetRequiredService<ChronicleStoreSettings>().Schema;
            var time = provider.GetRequiredService<TimeProvider>();
            var primary = provider.GetRequiredService<ChronicleQueries>();
            var read = hasReplica ? new ChronicleQueries(provider.GetRequiredKeyedService<NpgsqlDataSource>(ReadDataSource), schema, time) : primary;
            return new ReadSources(primary, read, hasReplica);
        });
        services.AddSingleton(provider => new ReadPositionWatch(
            provider.GetRequiredKeyedService<NpgsqlDataSource>(ReadDataSource), provider.GetRequiredService<ChronicleStoreSettings>(),
            provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReadSettings>>(), provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReadPositionWatch>>()));
        services.AddHostedService(provider => provider.GetRequiredService<ReadPositionWatch>());
        services.AddSingleton<TimelineMemory>();
        services.AddHostedService(provider => provider.GetRequiredService<TimelineMemory>());
        services.AddSingleton<PointInTimeReads>();
        return services;
    }
}
