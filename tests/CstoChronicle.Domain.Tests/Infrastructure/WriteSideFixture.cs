using System.Collections.Concurrent;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Domain.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL for one test class. Each test asks for a <see cref="TestChronicle"/> of its own: a fresh,
/// migrated event store schema (w_ + random hex), so that tests sharing state codes never see each other's facts.
/// Every schema made is dropped afterwards.
/// </summary>
public sealed class WriteSideFixture : IAsyncLifetime
{
    public const string ConnectionStringVariable = "ConnectionStrings__Chronicle";

    private readonly ConcurrentBag<(string Schema, PostgresEventStore Store)> _made = [];

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The dataset of the repository (data/), found as the service finds it.</summary>
    public static string DatasetFolder => DatasetLocator.Find();

    public Task InitializeAsync()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"The environment variable {ConnectionStringVariable} is not set. Run the tests with ./test.sh, which starts PostgreSQL and sets it.");
        DataSource = NpgsqlDataSource.Create(connectionString);
        return Task.CompletedTask;
    }

    /// <summary>An empty store on a schema of its own; with <paramref name="registerTestSource"/>, the source <see cref="TestChronicle.SourceId"/> is registered.</summary>
    public async Task<TestChronicle> NewChronicleAsync(bool registerTestSource = true)
    {
        var schema = "w_" + Guid.NewGuid().ToString("N")[..16];
        var store = new PostgresEventStore(DataSource, new EventStoreOptions { Schema = schema }, []);
        _made.Add((schema, store));
        await store.MigrateAsync();
        var chronicle = new TestChronicle(store);
        if (registerTestSource) await chronicle.RegisterTestSourceAsync();
        return chronicle;
    }

    public async Task DisposeAsync()
    {
        if (DataSource is null) return;
        foreach (var (schema, store) in _made)
        {
            await store.DisposeAsync();
            await using var command = DataSource.CreateCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE");
            await command.ExecuteNonQueryAsync();
        }
        await DataSource.DisposeAsync();
    }
}
