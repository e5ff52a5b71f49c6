using CstoChronicle.Domain.Store;
using JasperFx.Events.Daemon;
using Npgsql;

namespace CstoChronicle.Domain.Tests.Infrastructure;

/// <summary>
/// A fresh schema (v_ + random hex) on the test PostgreSQL for one test class, with the chronicle created on it
/// (Marten's and the chronicle's tables, the projection inline) and Marten's daemon detecting the high-water mark,
/// so knownAt resolves as in the service; dropped afterwards.
/// </summary>
public class ViewsFixture : IAsyncLifetime
{
    public NpgsqlDataSource DataSource { get; private set; } = null!;
    public string Schema { get; } = TestDatabase.NewSchemaName("v_");
    public ChronicleStoreSettings Settings => new() { Schema = Schema };
    public Chronicle Chronicle { get; private set; } = null!;
    public IProjectionDaemon Daemon { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        var connectionString = await TestDatabase.ConnectionStringAsync();
        DataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 20 }.ConnectionString);
        Chronicle = await ChronicleModule.CreateAsync(DataSource, Settings, TimeProvider.System);
        Daemon = await Chronicle.Store.BuildProjectionDaemonAsync();
        await ((Marten.Events.Daemon.ProjectionDaemon)Daemon).StartHighWaterDetectionAsync();
    }

    /// <summary>
    /// An instant at which everything written so far was known: waits until the high-water mark recorded for knownAt
    /// has reached the head of the log, then answers that record's instant.
    /// </summary>
    public async Task<DateTimeOffset> KnownNowAsync()
    {
        var head = await Chronicle.Log.HeadPositionAsync();
        DateTimeOffset? at = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var command = DataSource.CreateCommand(
                $"SELECT known_at FROM {Schema}.chr_known_positions WHERE position >= $1 ORDER BY position LIMIT 1");
            command.Parameters.Add(new NpgsqlParameter { Value = head });
            at = await command.ExecuteScalarAsync() switch
            {
                DateTimeOffset instant => instant,
                DateTime utc => new DateTimeOffset(utc, TimeSpan.Zero),
                _ => null,
            };
            return at is not null;
        }, $"the high-water mark to reach position {head}");
        return at!.Value;
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
        if (Daemon is not null) await Daemon.StopAllAsync();
        if (Chronicle is not null) await Chronicle.DisposeAsync();
        await TestDatabase.DropSchemaAsync(DataSource, Schema);
        await DataSource.DisposeAsync();
    }
}
