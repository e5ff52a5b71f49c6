using System.Net.Http.Headers;
using CstoChronicle.Api.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace CstoChronicle.Api.Tests.Infrastructure;

/// <summary>
/// The API on the test PostgreSQL (ConnectionStrings__Chronicle) in a fresh schema (t_api_ + random hex), dropped
/// afterwards. Knows one editor and one admin key (configured as hashes, as in production). Extra configuration
/// can be given to <see cref="WithConfiguration"/> or to a subclass's constructor, e.g.
/// <c>await using var api = ChronicleApiFactory.WithConfiguration(new() { ["Chronicle:WritesPerMinute"] = "2" });</c>
/// </summary>
public class ChronicleApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string EditorName = "test-editor";
    public const string AdminName = "test-admin";
    public const string EditorKey = "csto_test-editor-key-0123456789abcdefghijklmnopqrstuvwxyz";
    public const string AdminKey = "csto_test-admin-key-0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly Dictionary<string, string?> _configuration;
    private bool _disposed;

    public ChronicleApiFactory() : this(new Dictionary<string, string?>()) { }

    protected ChronicleApiFactory(Dictionary<string, string?> extraConfiguration)
    {
        var connectionString = TestDatabase.ConnectionString;
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = 30 }.ConnectionString;

        _configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Chronicle"] = ConnectionString,
            ["Chronicle:Schema"] = Schema,
            ["Chronicle:ApiKeys:0:Name"] = EditorName,
            ["Chronicle:ApiKeys:0:Role"] = "editor",
            ["Chronicle:ApiKeys:0:Hash"] = ApiKeyText.Hash(EditorKey),
            ["Chronicle:ApiKeys:1:Name"] = AdminName,
            ["Chronicle:ApiKeys:1:Role"] = "admin",
            ["Chronicle:ApiKeys:1:Hash"] = ApiKeyText.Hash(AdminKey),
        };
        foreach (var (key, value) in extraConfiguration) _configuration[key] = value;
    }

    /// <summary>A factory with more or other settings; dispose it (await using) to drop its schema.</summary>
    public static ChronicleApiFactory WithConfiguration(Dictionary<string, string?> extraConfiguration) => new(extraConfiguration);

    public string Schema { get; } = TestDatabase.NewSchemaName("t_api_");

    /// <summary>This factory's settings as command-line arguments, for an API process of its own (ApiCommand.StartNode).</summary>
    public string[] SettingsAsArguments() => _configuration.Where(s => s.Value is not null).Select(s => $"--{s.Key}={s.Value}").ToArray();

    public string ConnectionString { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_configuration));
    }

    /// <summary>Starts the server, which migrates the schema (and loads the dataset unless configured off).</summary>
    public Task InitializeAsync()
    {
        _ = Server;
        return Task.CompletedTask;
    }

    public HttpClient CreateEditorClient() => CreateClientWithKey(EditorKey);

    public HttpClient CreateAdminClient() => CreateClientWithKey(AdminKey);

    public HttpClient CreateClientWithKey(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>The highest stored position: a rejected request must leave it where it was.</summary>
    /// <summary>
    /// The last position holding an event. Marten's tombstones are left out: one fills the hole of an append rolled back
    /// earlier (by any test on this schema) whenever the high-water mark passes it, which is not a write of the request at hand.
    /// </summary>
    public async Task<long> HeadPositionAsync() =>
        await ScalarAsync<long?>("SELECT max(seq_id) FROM {schema}.mt_events WHERE stream_id <> $1", JasperFx.Events.Tombstone.StreamKey) ?? 0;

    public Task<T?> ScalarAsync<T>(string sql, params object[] values) => ScalarInSchemaAsync<T>(Schema, sql, values);

    protected async Task<T?> ScalarInSchemaAsync<T>(string schema, string sql, params object[] values)
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand(sql.Replace("{schema}", schema, StringComparison.Ordinal));
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? default : (T)result;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await base.DisposeAsync();
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        await using var command = dataSource.CreateCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        await command.ExecuteNonQueryAsync();
    }
}
