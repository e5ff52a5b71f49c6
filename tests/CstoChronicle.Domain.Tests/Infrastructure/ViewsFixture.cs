using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Domain.Tests.Infrastructure;

/// <summary>
/// A fresh schema (v_ + random hex) on the test PostgreSQL for one test class, with the chronicle created on it
/// (store and projection tables migrated, the projection inline); dropped afterwards.
/// </summary>
public class ViewsFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "ConnectionStrings__Chronicle";

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string Schema { get; } = "v_" + Guid.NewGuid().ToString("N")[..16];
    public EventStoreOptions Options => new() { Schema = Schema, PollInterval = TimeSpan.FromMilliseconds(200) };
    public Chronicle Chronicle { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"The environment variable {ConnectionStringVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");

        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString);
        Chronicle = await ChronicleModule.CreateAsync(DataSource, Options, TimeProvider.System);
    }

    /// <summary>Rows of a query as text, for comparing tables; <c>{schema}</c> is this fixture's schema.</summary>
    public async Task<List<string>> RowsAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{schema}", Schema, StringComparison.Ordinal));
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        return rows;
    }

    public async Task DisposeAsync()
    {
        if (DataSource is null) return;
        if (Chronicle is not null) await Chronicle.DisposeAsync();
        await using (var command = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE"))
            await command.ExecuteNonQueryAsync();
        await DataSource.DisposeAsync();
    }
}
