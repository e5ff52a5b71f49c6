using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Api.Platform;

public static class Database
{
    /// <summary>
    /// Registers the process's NpgsqlDataSource from ConnectionStrings:Chronicle (the service's role; repeated statements
    /// prepared, <see cref="ConnectionTuning"/>) and the
    /// <see cref="SchemaOwner"/>: ConnectionStrings:ChronicleOwner when set, which alone changes the schema.
    /// </summary>
    public static IServiceCollection AddChronicleDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var connectionString = configuration.GetConnectionString(ChronicleSettings.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "ConnectionStrings:Chronicle is not set (environment variable ConnectionStrings__Chronicle). ./run.sh sets it.");
            return new NpgsqlDataSourceBuilder(ConnectionTuning.Apply(connectionString)) { Name = "chronicle-api" }.Build();
        });
        services.AddSingleton(provider => SchemaOwner.From(
            configuration.GetConnectionString(ChronicleSettings.ConnectionStringName)!,
            configuration.GetConnectionString(ChronicleSettings.OwnerConnectionStringName),
            provider.GetRequiredService<NpgsqlDataSource>()));
        return services;
    }
}
