using Npgsql;
using Testcontainers.PostgreSql;

namespace CstoChronicle.TestSupport;

/// <summary>
/// The PostgreSQL every test runs against, found once per test process: the database ConnectionStrings__Chronicle
/// names (./test.sh sets it to its throwaway cluster), else a Testcontainers PostgreSQL where a Docker engine
/// answers. Tests never mock the database: the store's promises only hold against PostgreSQL.
/// </summary>
public static class TestDatabase
{
    public const string ConnectionStringVariable = "ConnectionStrings__Chronicle";

    private static readonly Lazy<Task<string>> Found = new(FindAsync);
    private static PostgreSqlContainer? _container;

    /// <summary>The connection string of the test PostgreSQL.</summary>
    public static Task<string> ConnectionStringAsync() => Found.Value;

    /// <summary>The connection string, blocking: for constructors that cannot await.</summary>
    public static string ConnectionString => Found.Value.GetAwaiter().GetResult();

    /// <summary>A fresh schema name: <paramref name="prefix"/> and random hex, valid as a PostgreSQL identifier.</summary>
    public static string NewSchemaName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..16];

    public static async Task DropSchemaAsync(NpgsqlDataSource dataSource, string schema)
    {
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> FindAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        if (!DockerAnswers())
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: {ConnectionStringVariable} is not set and no Docker engine answers. " +
                "Run the tests with ./test.sh, which starts a throwaway PostgreSQL and sets it.");
        _container = new PostgreSqlBuilder("postgres:16").WithCommand("-c", "max_connections=300", "-c", "fsync=off").Build();
        await _container.StartAsync();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => _container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return _container.GetConnectionString();
    }

    private static bool DockerAnswers() =>
        File.Exists("/var/run/docker.sock") || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST"));
}
