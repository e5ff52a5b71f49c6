using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Domain.Tests.Store;

/// <summary>The service's connections keep the plans of statements they repeat (docs/decisions/0006).</summary>
public sealed class ConnectionTuningTests
{
    [Fact]
    public async Task A_statement_repeated_on_a_tuned_connection_is_prepared_once_and_reused()
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionTuning.Apply(await TestDatabase.ConnectionStringAsync()));
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var i = 0; i < 3; i++)
        {
            await using var repeated = new NpgsqlCommand("SELECT $1::bigint + 40 /* tuning test */", connection) { Parameters = { new() { Value = 2L } } };
            (await repeated.ExecuteScalarAsync()).ShouldBe(42L);
        }

        await using var prepared = new NpgsqlCommand(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE '%+ 40 /* tuning test */%' AND statement NOT LIKE '%pg_prepared%'", connection);
        (await prepared.ExecuteScalarAsync()).ShouldBe(1L);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0, 2)]
    [InlineData("Host=db;MaxAutoPrepare=5;Auto Prepare Min Usages=7", 5, 7)]
    [InlineData("Host=db", ConnectionTuning.MaxAutoPrepare, ConnectionTuning.AutoPrepareMinUsages)]
    public void A_connection_string_that_sets_preparation_keeps_its_values(string given, int maxAutoPrepare, int minUsages)
    {
        var tuned = new NpgsqlConnectionStringBuilder(ConnectionTuning.Apply(given));

        tuned.MaxAutoPrepare.ShouldBe(maxAutoPrepare);
        tuned.AutoPrepareMinUsages.ShouldBe(minUsages);
        tuned.Host.ShouldBe("db");
    }
}
