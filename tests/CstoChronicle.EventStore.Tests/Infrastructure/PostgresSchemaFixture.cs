using Npgsql;

namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>A fresh, migrated schema (t_ + random hex) on the test PostgreSQL for one test class; dropped afterwards.</summary>
public sealed class PostgresSchemaFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "ConnectionStrings__Chronicle";

    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string ConnectionString { get; private set; } = "";
    public string Schema { get; } = "t_" + Guid.NewGuid().ToString("N")[..16];

    public EventStoreOptions Options => new()
    {
        Schema = Schema,
        PollInterval = TimeSpan.FromMilliseconds(500),
        ListenerReconnectMinDelay = TimeSpan.FromMilliseconds(50),
        ListenerReconnectMaxDelay = TimeSpan.FromMilliseconds(500),
    };

    public async Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"The environment variable {ConnectionStringVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");

        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 40 }.ConnectionString;
        DataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var store = CreateStore();
        await store.MigrateAsync();
    }

    public PostgresEventStore CreateStore(params IProjection[] inlineProjections) =>
        new(DataSource, Options, inlineProjections);

    public PostgresEventStore CreateStore(EventStoreOptions options, params IProjection[] inlineProjections) =>
        new(DataSource, options, inlineProjections);

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{schema}", Schema, StringComparison.Ordinal));
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql.Replace("{schema}", Schema, StringComparison.Ordinal));
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task DisposeAsync()
    {
        if (DataSource is null) return;
        await using (var command = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE"))
            await command.ExecuteNonQueryAsync();
        await DataSource.DisposeAsync();
    }
}
