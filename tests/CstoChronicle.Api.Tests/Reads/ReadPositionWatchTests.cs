using CstoChronicle.Api.Reads;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace CstoChronicle.Api.Tests.Reads;

/// <summary>
/// A node whose poller is held up (a loaded machine) does not trust its last poll past the freshness limit; a request
/// that finds it so polls once more instead of reading the database as it is, so current answers keep echoing the mark
/// and its recorded instant (and their ETag) without ever hiding what is stored past the mark.
/// The watch here is never started: its poller stays held up for the whole test, on a clock that moves only when told.
/// </summary>
public sealed class ReadPositionWatchTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private static readonly TimeSpan PastFreshness = TimeSpan.FromHours(1);

    private ReadPositionWatch WatchOf(NpgsqlDataSource dataSource, TimeProvider clock, string? schema = null) =>
        new(dataSource, new ChronicleStoreSettings { Schema = schema ?? factory.Schema, AutoCreateSchema = false },
            Options.Create(new ReadSettings()), clock, NullLogger<ReadPositionWatch>.Instance);

    private async Task<long> SettledHeadAsync()
    {
        long head = 0;
        await Eventually.HoldsAsync(async () =>
        {
            head = await factory.HeadPositionAsync();
            return await factory.ScalarAsync<long?>("SELECT max(position) FROM {schema}.chr_known_positions") >= head;
        }, "the daemon to settle the dataset");
        return head;
    }

    [Fact]
    public async Task A_request_that_finds_the_last_poll_too_old_polls_once_more_and_is_answered_at_the_mark()
    {
        var head = await SettledHeadAsync();
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var watch = WatchOf(dataSource, clock);
        watch.Settled().ShouldBeNull("never polled");

        var settled = (await watch.SettledNowAsync(0, CancellationToken.None)).ShouldNotBeNull();
        settled.Position.ShouldBeGreaterThanOrEqualTo(head);
        (await factory.ScalarAsync<DateTime>("SELECT known_at FROM {schema}.chr_known_positions WHERE position = $1", settled.Position))
            .ShouldBe(settled.KnownAt.UtcDateTime);
        watch.Settled().ShouldBe(settled, "the poll is now the node's");

        clock.Advance(PastFreshness);
        watch.Settled().ShouldBeNull("a poll that old is not trusted");
        (await watch.SettledNowAsync(0, CancellationToken.None)).ShouldBe(settled, "polled again: nothing was written meanwhile");
    }

    [Fact]
    public async Task A_poll_made_for_a_request_sees_a_write_made_since_and_never_answers_without_it()
    {
        await SettledHeadAsync();
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var watch = WatchOf(dataSource, clock);
        var before = (await watch.SettledNowAsync(0, CancellationToken.None)).ShouldNotBeNull();

        var receipt = await (await factory.CreateEditorClient().PostJsonAsync("/api/v1/events", Facts.Suspension("TJK", "2032-01-01"))).ReadJsonAsync();
        var written = receipt.GetProperty("position").GetInt64();
        clock.Advance(PastFreshness);

        // The mark may not have passed the write yet: then no settled answer at all (the read goes to the database).
        var after = await watch.SettledNowAsync(0, CancellationToken.None);
        if (after is not null) after.Position.ShouldBeGreaterThanOrEqualTo(written);
        before.Position.ShouldBeLessThan(written);
        // Once the daemon has moved the mark past the write, a poll made for a request answers at that mark.
        await Eventually.HoldsAsync(async () =>
        {
            clock.Advance(PastFreshness);
            return await watch.SettledNowAsync(0, CancellationToken.None) is { } mark && mark.Position >= written;
        }, "a poll for a request to find the mark past the write");
    }

    [Fact]
    public async Task Requests_that_find_the_poll_too_old_together_share_one_poll()
    {
        await SettledHeadAsync();
        // Npgsql logs every command it has executed: counted for this data source alone.
        var commands = new FakeLoggerProvider();
        using var logging = LoggerFactory.Create(builder => builder.AddProvider(commands).SetMinimumLevel(LogLevel.Information));
        await using var dataSource = new NpgsqlDataSourceBuilder(factory.ConnectionString).UseLoggerFactory(logging).Build();
        var watch = WatchOf(dataSource, new FakeTimeProvider(DateTimeOffset.UtcNow));

        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => watch.SettledNowAsync(0, CancellationToken.None).AsTask())));

        answers.ShouldAllBe(answer => answer != null && answer == answers[0]);
        commands.Collector.GetSnapshot().Count(r => r.Id.Name == "CommandExecutionCompleted" && r.Message.Contains("chr_known_positions", StringComparison.Ordinal))
            .ShouldBe(1);
    }

    [Fact]
    public async Task A_poll_that_fails_leaves_the_read_to_the_database()
    {
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        var watch = WatchOf(dataSource, new FakeTimeProvider(DateTimeOffset.UtcNow), schema: "no_such_schema");

        (await watch.SettledNowAsync(0, CancellationToken.None)).ShouldBeNull();
    }
}
