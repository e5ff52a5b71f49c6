using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.Tests.Infrastructure;
using Npgsql;

namespace CstoChronicle.Api.Tests.Platform;

/// <summary>
/// PostgreSQL refusing new connections (here: a role whose connection limit drops to zero, which answers
/// 53300 "too many connections" as a full server does) is the service being unavailable, not a server error.
/// </summary>
public class DatabaseUnavailableTests
{
    [Fact]
    public async Task A_read_while_PostgreSQL_refuses_connections_is_a_503_problem_with_retry_after()
    {
        var admin = TestDatabase.ConnectionString;
        var role = "t_limited_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(admin, $"CREATE ROLE {role} LOGIN; GRANT CREATE ON DATABASE \"{new NpgsqlConnectionStringBuilder(admin).Database}\" TO {role}");
        var limited = new NpgsqlConnectionStringBuilder(admin) { Username = role, MaxPoolSize = 30 }.ConnectionString;
        try
        {
            await using var api = ChronicleApiFactory.WithConfiguration(new()
            {
                ["ConnectionStrings:Chronicle"] = limited,
                ["Chronicle:ImportDataset"] = "false",
            });
            await api.InitializeAsync();
            var client = api.CreateClient();
            (await client.GetAsync("/api/v1/members?asOf=2000-01-01")).StatusCode.ShouldBe(HttpStatusCode.OK);

            // No new connection for the role, and its open ones (the API's pool) are cut.
            await ExecuteAsync(admin, $"ALTER ROLE {role} CONNECTION LIMIT 0");
            await ExecuteAsync(admin, $"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{role}'");
            using var response = await client.GetAsync("/api/v1/members?asOf=2000-01-01");

            response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter.ShouldNotBeNull();
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            problem.RootElement.GetProperty("type").GetString().ShouldBe(ProblemTypes.Unavailable);
        }
        finally
        {
            await ExecuteAsync(admin, $"ALTER ROLE {role} CONNECTION LIMIT -1");
            await ExecuteAsync(admin, $"DROP OWNED BY {role} CASCADE; DROP ROLE {role}");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
