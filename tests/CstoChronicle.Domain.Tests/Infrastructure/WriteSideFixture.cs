using System.Collections.Concurrent;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Store;
using Npgsql;

namespace CstoChronicle.Domain.Tests.Infrastructure;

/// <summary>
/// The test PostgreSQL for one test class. Each test asks for a <see cref="TestChronicle"/> of its own: a fresh store
/// on a schema of its own (w_ + random hex), so that tests sharing state codes never see each other's facts.
/// Every schema made is dropped afterwards.
/// </summary>
public sealed class WriteSideFixture : IAsyncLifetime
{
    private readonly ConcurrentBag<(string Schema, Chronicle Chronicle)> _made = [];

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    /// <summary>The dataset of the repository (data/), found as the service finds it.</summary>
    public static string DatasetFolder => DatasetLocator.Find();

    public async Task InitializeAsync() => DataSource = NpgsqlDataSource.Create(await TestDatabase.ConnectionStringAsync());

    /// <summary>An empty store on a schema of its own; with <paramref name="registerTestSource"/>, the source <see cref="TestChronicle.SourceId"/> is registered.</summary>
    public async Task<TestChronicle> NewChronicleAsync(bool registerTestSource = true)
    {
        var schema = TestDatabase.NewSchemaName("w_");
        var made = await ChronicleModule.CreateAsync(DataSource, new ChronicleStoreSettings { Schema = schema }, TimeProvider.System);
        _made.Add((schema, made));
        var chronicle = new TestChronicle(made);
        if (registerTestSource) await chronicle.RegisterTestSourceAsync();
        return chronicle;
    }

    public async Task DisposeAsync()
    {
        if (DataSource is null) return;
        foreach (var (schema, chronicle) in _made)
        {
            await chronicle.DisposeAsync();
            await TestDatabase.DropSchemaAsync(DataSource, schema);
        }
        await DataSource.DisposeAsync();
    }
}
