using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using Npgsql;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>Issue 12, item 5: streams are limited per client address and per node, and catch-up shares a bounded part of the pool.</summary>
public sealed class StreamLimitTests
{
    [Fact]
    public async Task A_stream_beyond_the_per_address_limit_gets_429_with_retry_after_and_one_closed_frees_its_place()
    {
        await using var api = ChronicleApiFactory.WithConfiguration(new()
        {
            ["Chronicle:ImportDataset"] = "false",
            ["Chronicle:Notifications:MaxStreamsPerAddress"] = "2",
            ["Chronicle:Notifications:MaxStreams"] = "10",
        });
        var first = await SseClient.ConnectAsync(api.CreateClient(), "/api/v1/stream");
        await using var second = await SseClient.ConnectAsync(api.CreateClient(), "/api/v1/stream");
        (first.Response.StatusCode, second.Response.StatusCode).ShouldBe((HttpStatusCode.OK, HttpStatusCode.OK));

        var refused = await api.CreateClient().GetAsync("/api/v1/stream?from=0", HttpCompletionOption.ResponseHeadersRead);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-streams");
        problem.Detail!.ShouldContain("2 streams");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(10));

        await first.DisposeAsync();
        await Eventually.HoldsAsync(async () =>
        {
            var again = await api.CreateClient().GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead);
            var ok = again.StatusCode == HttpStatusCode.OK;
            again.Dispose();
            return ok;
        }, "the closed stream's place to be given back");
    }

    [Fact]
    public async Task A_stream_beyond_the_node_limit_gets_503_with_retry_after()
    {
        await using var api = ChronicleApiFactory.WithConfiguration(new()
        {
            ["Chronicle:ImportDataset"] = "false",
            ["Chronicle:Notifications:MaxStreamsPerAddress"] = "10",
            ["Chronicle:Notifications:MaxStreams"] = "2",
            ["Chronicle:Notifications:StreamRetryAfter"] = "00:00:30",
        });
        await using var first = await SseClient.ConnectAsync(api.CreateClient(), "/api/v1/stream");
        await using var second = await SseClient.ConnectAsync(api.CreateClient(), "/api/v1/stream");

        var refused = await api.CreateClient().GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead);

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "unavailable");
        problem.Detail!.ShouldContain("(2)");
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
    }

    /// <summary>
    /// The database allows the API's role <see cref="RoleConnections"/> connections (a role's CONNECTION LIMIT stands for
    /// the server's max_connections, as in the issue, where 300 streams locked out every other client). Three times as
    /// many streams replay the whole dataset from position 0 at once; the pool itself would allow 30 connections, so
    /// only the catch-up gate keeps them under the limit. While they are open another client of that role connects and
    /// queries, and a write through the API succeeds and reaches every stream.
    /// </summary>
    [Fact]
    public async Task More_streams_from_position_zero_than_the_database_has_connections_leave_it_serving_other_clients()
    {
        const int RoleConnections = 15;
        const int Streams = RoleConnections * 3;
        var owner = await TestDatabase.ConnectionStringAsync();
        var role = TestDatabase.NewSchemaName("t_sse_role_");
        await using var ownerSource = NpgsqlDataSource.Create(owner);
        var database = new NpgsqlConnectionStringBuilder(owner).Database ?? "postgres";
        await ExecuteAsync(ownerSource, $"CREATE ROLE {role} LOGIN PASSWORD 'stream-test' CONNECTION LIMIT {RoleConnections}");
        await ExecuteAsync(ownerSource, $"GRANT CREATE ON DATABASE \"{database}\" TO {role}");
        var asRole = new NpgsqlConnectionStringBuilder(owner) { Username = role, Password = "stream-test", MaxPoolSize = 30 }.ConnectionString;
        try
        {
            await using (var api = ChronicleApiFactory.WithConfiguration(new()
            {
                ["ConnectionStrings:Chronicle"] = asRole,
                ["Chronicle:Notifications:MaxStreamsPerAddress"] = "100",
                ["Chronicle:Notifications:CatchUpConcurrency"] = "2",
            }))
            {
                await api.InitializeAsync();
                var head = await api.HeadPositionAsync();
                var streams = await Task.WhenAll(Enumerable.Range(0, Streams)
                    .Select(_ => SseClient.ConnectAsync(api.CreateClient(), "/api/v1/stream?from=0")));
                try
                {
                    streams.ShouldAllBe(s => s.Response.StatusCode == HttpStatusCode.OK);
                    var replays = await Task.WhenAll(streams.Select(ReplayedThroughAsync(head)));
                    replays.ShouldAllBe(last => last == head);

                    await using (var other = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(asRole) { Pooling = false }.ConnectionString))
                    {
                        await other.OpenAsync();
                        await using var query = new NpgsqlCommand($"SELECT count(*) FROM {api.Schema}.mt_events", other);
                        ((long)(await query.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
                    }
                    var write = await api.CreateEditorClient().PostJsonAsync("/api/v1/events", Facts.Suspension("ARM", "2031-01-01"));
                    write.StatusCode.ShouldBe(HttpStatusCode.Created, await write.Content.ReadAsStringAsync());
                    var written = (await write.ReadJsonAsync()).GetProperty("position").GetInt64();
                    foreach (var stream in streams) long.Parse((await stream.NextEventAsync()).Id!).ShouldBe(written);
                }
                finally
                {
                    foreach (var stream in streams) await stream.DisposeAsync();
                }
            }
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(ownerSource, $"DROP OWNED BY {role} CASCADE");
            await ExecuteAsync(ownerSource, $"DROP ROLE {role}");
        }
    }

    private static Func<SseClient, Task<long>> ReplayedThroughAsync(long head) => async stream =>
    {
        long last = 0;
        while (last < head) last = long.Parse((await stream.NextEventAsync()).Id!);
        return last;
    };

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
