using Npgsql;

namespace CstoChronicle.Api.Platform;

public static class Database
{
    /// <summary>Registers the process's one NpgsqlDataSource from ConnectionStrings:Chronicle.</summary>
    public static IServiceCollection AddChronicleDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ =>
        {
            var connectionString = configuration.GetConnectionString(ChronicleSettings.ConnectionStringName);
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException(
                    "ConnectionStrings:Chronicle is not set (environment variable ConnectionStrings__Chronicle). ./run.sh sets it.");
            return new NpgsqlDataSourceBuilder(connectionString) { Name = "chronicle-api" }.Build();
        });
        return services;
    }
}
