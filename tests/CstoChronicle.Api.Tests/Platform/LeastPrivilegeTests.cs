using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Domain.Store;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CstoChronicle.Api.Tests.Platform;

/// <summary>
/// Issue 12, item 6: the service runs as the role ./run.sh and ./test.sh create (chronicle_service), the owner's
/// connection (ConnectionStrings:ChronicleOwner) creates the schema and grants it; through the service's connection
/// events are appended and read, never updated, deleted or truncated.
/// </summary>
public sealed class LeastPrivilegeTests(LeastPrivilegeTests.ServiceRoleApi fixture) : IClassFixture<LeastPrivilegeTests.ServiceRoleApi>
{
    private const string ServiceRole = "chronicle_service";
    private const string ServicePassword = "chronicle-service-test";

    private ChronicleApiFactory _api => fixture.Api;
    private string _service => fixture.Service;

    /// <summary>The API with the dataset imported, running as the service's role, its schema made by the owner.</summary>
    public sealed class ServiceRoleApi : IAsyncLifetime
    {
        public ChronicleApiFactory Api { get; private set; } = null!;
        public string Service { get; private set; } = "";

        public async Task InitializeAsync()
        {
            var owner = await TestDatabase.ConnectionStringAsync();
            await using (var source = NpgsqlDataSource.Create(owner))
            await using (var command = source.CreateCommand($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{ServiceRole}') THEN
                CREATE ROLE {ServiceRole} LOGIN PASSWORD '{ServicePassword}';
              END IF;
            END $$;
            """))
                await command.ExecuteNonQueryAsync();
            Service = new NpgsqlConnectionStringBuilder(owner) { Username = ServiceRole, Password = ServicePassword, MaxPoolSize = 30 }.ConnectionString;
            Api = ChronicleApiFactory.WithConfiguration(new()
            {
                ["ConnectionStrings:Chronicle"] = Service,
                ["ConnectionStrings:ChronicleOwner"] = owner,
            });
            await Api.InitializeAsync();
        }

        public async Task DisposeAsync() => await Api.DisposeAsync();
    }

    [Fact]
    public async Task The_service_connects_as_a_role_that_is_neither_superuser_nor_owner_of_the_events()
    {
        var (user, superuser, owner) = await OnServiceConnectionAsync(async command =>
        {
            command.CommandText = $"SELECT current_user, rolsuper, (SELECT tableowner FROM pg_tables WHERE schemaname = '{_api.Schema}' AND tablename = 'mt_events') FROM pg_roles WHERE rolname = current_user";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetString(0), reader.GetBoolean(1), reader.GetString(2));
        });
        user.ShouldBe(ServiceRole);
        superuser.ShouldBeFalse();
        owner.ShouldNotBe(ServiceRole);
        var dataSource = _api.Services.GetRequiredService<NpgsqlDataSource>();
        new NpgsqlConnectionStringBuilder(dataSource.ConnectionString).Username.ShouldBe(ServiceRole);
    }

    [Fact]
    public async Task The_service_imports_writes_corrects_and_its_daemon_and_stream_follow_as_that_role()
    {
        (await _api.HeadPositionAsync()).ShouldBeGreaterThan(200, "the dataset was imported through the service's connection");
        var editor = _api.CreateEditorClient();
        var written = await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("ARM", "2032-01-01"));
        written.StatusCode.ShouldBe(HttpStatusCode.Created, await written.Content.ReadAsStringAsync());
        var receipt = await written.ReadJsonAsync();
        var eventId = receipt.GetProperty("eventId").GetString();
        var corrected = await editor.PostJsonAsync($"/api/v1/events/{eventId}/corrections", Facts.SuspensionCorrection("ARM", "2032-02-01"),
            ("If-Match", $"\"{receipt.GetProperty("version").GetInt64()}\""));
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created, await corrected.Content.ReadAsStringAsync());

        // Marten's daemon (high-water mark, progression rows, the knownAt log's trigger) runs as the service's role.
        await KnownInstant.OfAsync(editor, eventId);
        var rebuilt = await _api.CreateClient().GetJsonAsync($"/api/v1/events/{eventId}");
        rebuilt.GetProperty("event").GetProperty("supersededBy").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task A_rebuild_of_the_projections_runs_as_the_service_without_rewriting_events()
    {
        var before = await _api.CreateClient().GetJsonAsync("/api/v1/members?asOf=2013-06-01");
        await using var dataSource = NpgsqlDataSource.Create(_service);
        var settings = new ChronicleStoreSettings { Schema = _api.Schema, AutoCreateSchema = false };
        using var store = new DocumentStore(CstoChronicle.Domain.ChronicleModule.StoreOptionsFor(dataSource, settings));

        await ProjectionRebuild.RunAsync(store, dataSource, _api.Schema);

        var after = await _api.CreateClient().GetJsonAsync("/api/v1/members?asOf=2013-06-01");
        after.GetProperty("members").ToString().ShouldBe(before.GetProperty("members").ToString());
    }

    [Theory]
    [InlineData("UPDATE {schema}.mt_events SET data = '{}'::jsonb WHERE seq_id = (SELECT min(seq_id) FROM {schema}.mt_events)")]
    [InlineData("UPDATE {schema}.mt_events SET timestamp = now() - interval '10 years'")]
    [InlineData("DELETE FROM {schema}.mt_events WHERE seq_id = (SELECT max(seq_id) FROM {schema}.mt_events)")]
    [InlineData("DELETE FROM {schema}.mt_events")]
    [InlineData("TRUNCATE {schema}.mt_events")]
    [InlineData("ALTER TABLE {schema}.mt_events DISABLE TRIGGER ALL")]
    [InlineData("DROP TABLE {schema}.mt_events")]
    public async Task Rewriting_or_deleting_an_event_on_the_service_connection_is_refused_and_changes_nothing(string sql)
    {
        var before = await EventsDigestAsync();

        var refused = await Should.ThrowAsync<PostgresException>(() => OnServiceConnectionAsync(async command =>
        {
            command.CommandText = sql.Replace("{schema}", _api.Schema, StringComparison.Ordinal);
            return await command.ExecuteNonQueryAsync();
        }));

        refused.SqlState.ShouldBeOneOf(PostgresErrorCodes.InsufficientPrivilege);
        (await EventsDigestAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_service_connection_may_append_and_read_events()
    {
        var count = await OnServiceConnectionAsync(async command =>
        {
            command.CommandText = $"SELECT count(*) FROM {_api.Schema}.mt_events";
            return (long)(await command.ExecuteScalarAsync())!;
        });
        count.ShouldBeGreaterThan(0);
        var privileges = await OnServiceConnectionAsync(async command =>
        {
            command.CommandText = $"SELECT has_table_privilege('{_api.Schema}.mt_events', 'INSERT'), has_table_privilege('{_api.Schema}.mt_events', 'UPDATE'), has_table_privilege('{_api.Schema}.mt_events', 'DELETE')";
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            return (reader.GetBoolean(0), reader.GetBoolean(1), reader.GetBoolean(2));
        });
        privileges.ShouldBe((true, false, false));
    }

    private async Task<string> EventsDigestAsync() =>
        (await _api.ScalarAsync<string>("SELECT count(*) || ':' || md5(string_agg(seq_id || data::text || timestamp::text, ',' ORDER BY seq_id)) FROM {schema}.mt_events"))!;

    private async Task<T> OnServiceConnectionAsync<T>(Func<NpgsqlCommand, Task<T>> use)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(_service) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        return await use(command);
    }
}
