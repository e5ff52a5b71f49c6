using System.Text.Json;
using CstoChronicle.Api.Endpoints.Timeline;
using CstoChronicle.Api.Reads;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Domain.Queries;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Tests.Reads;

/// <summary>
/// The timeline each node holds in memory (decision 0108): once it has reached a position, pages at that position come
/// from it and are byte for byte what a fresh query of the database answers; writes, corrections and retractions
/// reach it without a restart, and a page is never older than what the node would read from the database.
/// </summary>
public sealed class TimelineMemoryTests
{
    private static readonly string[] Windows =
        ["from=2006-01-01&limit=30", "from=1992&to=1993&limit=500", "to=1995&limit=7", "from=2010-12-20&to=2010-12-31", "type=StateAcceded&limit=50"];

    private static async Task<long> HeldAsync(ChronicleApiFactory api, long position)
    {
        var memory = api.Services.GetRequiredService<TimelineMemory>();
        await Eventually.HoldsAsync(() => Task.FromResult(memory.Position >= position), $"the timeline held in memory to reach position {position}");
        return memory.Position;
    }

    /// <summary>The page the node serves, and the same question put to the database by a fresh query at the page's basis.</summary>
    private static async Task ShouldServeWhatTheDatabaseAnswersAsync(ChronicleApiFactory api, HttpClient client, string query)
    {
        var served = await client.GetAsync($"/api/v1/timeline?{query}");
        var body = await served.Content.ReadAsStringAsync();
        served.EnsureSuccessStatusCode();
        var page = JsonDocument.Parse(body).RootElement;
        var position = page.GetProperty("position").GetInt64();
        var knownAt = page.GetProperty("knownAt").GetDateTimeOffset();
        api.Services.GetRequiredService<TimelineMemory>().Position.ShouldBeGreaterThanOrEqualTo(position, "answered from memory");

        await using var dataSource = NpgsqlDataSource.Create(api.ConnectionString);
        var fresh = new ChronicleQueries(dataSource, api.Schema, TimeProvider.System);
        var parameters = System.Web.HttpUtility.ParseQueryString(query);
        DateOnly? Day(string name, bool last) => parameters[name] is { } text
            ? (last ? Http.PointInTime.ParseDate(name, text).Latest : Http.PointInTime.ParseDate(name, text).Earliest) : null;
        var answer = await fresh.TimelineAtAsync(position, knownAt, Day("from", false), Day("to", true),
            parameters.GetValues("type"), null, parameters["cursor"], int.Parse(parameters["limit"] ?? "100"));
        var json = api.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        body.ShouldBe(JsonSerializer.Serialize(new TimelineResponse(answer.Basis.KnownAt, answer.Basis.Position, answer.Items, answer.NextCursor), json), query);
    }

    [Fact]
    public async Task Pages_served_from_memory_are_byte_for_byte_what_the_database_answers_now_and_at_a_past_knownAt()
    {
        await using var api = new ChronicleApiFactory();
        await api.InitializeAsync();
        var client = api.CreateClient();
        var instant = await KnownInstant.CaughtUpAsync(client);
        await HeldAsync(api, await api.HeadPositionAsync());

        foreach (var window in Windows)
        {
            await ShouldServeWhatTheDatabaseAnswersAsync(api, client, window);
            await ShouldServeWhatTheDatabaseAnswersAsync(api, client, $"{window}&knownAt={KnownInstant.Text(instant)}");
        }
    }

    [Fact]
    public async Task A_fact_its_correction_and_its_retraction_reach_the_timeline_in_memory_without_a_restart()
    {
        await using var api = new ChronicleApiFactory();
        await api.InitializeAsync();
        var client = api.CreateClient();
        var editor = api.CreateEditorClient();
        await KnownInstant.CaughtUpAsync(client);
        await HeldAsync(api, await api.HeadPositionAsync());
        const string window = "from=2031-01-01&to=2031-12-31";

        var written = await (await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2031-03-01"))).ReadJsonAsync();
        var eventId = written.GetProperty("eventId").GetString()!;
        // The node that took the write includes it in its next page, from memory or, until memory has caught up, from the database.
        (await client.GetJsonAsync($"/api/v1/timeline?{window}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("on").GetString()).ShouldBe(["2031-03-01"]);
        await HeldAsync(api, written.GetProperty("position").GetInt64());
        await ShouldServeWhatTheDatabaseAnswersAsync(api, client, window);

        var corrected = await (await editor.PostJsonAsync($"/api/v1/events/{eventId}/corrections", Facts.SuspensionCorrection("KAZ", "2031-04-01"))).ReadJsonAsync();
        await HeldAsync(api, corrected.GetProperty("position").GetInt64());
        var page = await client.GetJsonAsync($"/api/v1/timeline?{window}");
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("on").GetString()).ShouldBe(["2031-04-01"]);
        await ShouldServeWhatTheDatabaseAnswersAsync(api, client, window);

        var second = await (await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("ARM", "2031-05-01"))).ReadJsonAsync();
        var retracted = await (await editor.PostJsonAsync($"/api/v1/events/{second.GetProperty("eventId").GetString()}/retractions", Facts.Retraction()))
            .ReadJsonAsync();
        await HeldAsync(api, retracted.GetProperty("position").GetInt64());
        (await client.GetJsonAsync($"/api/v1/timeline?{window}")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("on").GetString()).ShouldBe(["2031-04-01"]);
        await ShouldServeWhatTheDatabaseAnswersAsync(api, client, window);
    }

    [Fact]
    public async Task Turned_off_the_node_holds_nothing_and_reads_every_page_from_the_database()
    {
        await using var api = ChronicleApiFactory.WithConfiguration(new() { ["Chronicle:Reads:TimelineInMemory"] = "false" });
        await api.InitializeAsync();
        var client = api.CreateClient();
        await KnownInstant.CaughtUpAsync(client);

        var page = await client.GetJsonAsync("/api/v1/timeline?from=1992&to=1993");

        page.GetProperty("items").GetArrayLength().ShouldBeGreaterThan(0);
        api.Services.GetRequiredService<TimelineMemory>().Position.ShouldBe(0);
    }
}
