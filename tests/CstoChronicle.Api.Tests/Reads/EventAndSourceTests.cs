using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Reads;

public sealed class EventAndSourceTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<string> UzbekAccessionIdAsync() =>
        (await _client.GetJsonAsync("/api/v1/timeline?type=StateAcceded&entity=UZB")).GetProperty("items")[0].GetProperty("eventId").GetString()!;

    [Fact]
    public async Task An_event_comes_with_its_sources_resolved_and_its_recording()
    {
        var id = await UzbekAccessionIdAsync();
        var answer = await _client.GetJsonAsync($"/api/v1/events/{id}");
        var detail = answer.GetProperty("event");
        detail.GetProperty("eventId").GetString().ShouldBe(id);
        detail.GetProperty("type").GetString().ShouldBe("StateAcceded");
        detail.GetProperty("recordedBy").GetString().ShouldBe("dataset-import");
        detail.GetProperty("recordedAt").GetString().ShouldEndWith("Z");
        var source = detail.GetProperty("sources")[0];
        source.GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task An_unknown_event_is_a_404_and_a_malformed_id_a_400()
    {
        var unknown = Guid.NewGuid();
        (await (await _client.GetAsync($"/api/v1/events/{unknown}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found"))
            .Detail.ShouldNotBeNull().ShouldContain(unknown.ToString());
        await (await _client.GetAsync("/api/v1/events/not-a-uuid")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
    }

    [Fact]
    public async Task An_entity_history_lists_its_stream_with_its_version()
    {
        var answer = await _client.GetJsonAsync("/api/v1/entities/UZB/history");
        answer.GetProperty("entity").GetString().ShouldBe("UZB");
        var events = answer.GetProperty("events").EnumerateArray().ToList();
        events.Count.ShouldBeGreaterThan(1);
        answer.GetProperty("version").GetInt64().ShouldBe(events.Max(e => e.GetProperty("version").GetInt64()));
    }

    [Fact]
    public async Task An_unknown_entity_is_a_404()
    {
        await (await _client.GetAsync("/api/v1/entities/ZZZ/history")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task The_audit_trail_pages_in_recorded_order_and_filters_by_entity()
    {
        var first = await _client.GetAsync("/api/v1/audit?limit=5");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.GetValues("Link").Single().ShouldContain("rel=\"next\"");
        var entries = (await first.ReadJsonAsync()).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("position").GetInt64()).ToList();
        entries.Count.ShouldBe(5);
        entries.ShouldBeInOrder();

        var uzbek = (await _client.GetJsonAsync("/api/v1/audit?entity=UZB")).GetProperty("entries").EnumerateArray().ToList();
        uzbek.ShouldNotBeEmpty();
        uzbek.ShouldAllBe(e => e.GetProperty("entity").GetString() == "UZB");
    }

    [Fact]
    public async Task The_audit_trail_refuses_a_malformed_instant()
    {
        var problem = await (await _client.GetAsync("/api/v1/audit?from=2020-13-01T00:00:00Z")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        problem.Raw.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe("from");
    }

    [Fact]
    public async Task Sources_are_listed_and_each_names_the_events_citing_it()
    {
        var sources = (await _client.GetJsonAsync("/api/v1/sources")).GetProperty("sources").EnumerateArray().ToList();
        sources.ShouldContain(s => s.GetProperty("id").GetString() == Facts.DatasetSource);

        var source = await _client.GetJsonAsync($"/api/v1/sources/{Facts.DatasetSource}");
        source.GetProperty("source").GetProperty("title").GetString().ShouldNotBeNullOrWhiteSpace();
        source.GetProperty("citedBy").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_unknown_source_is_a_404()
    {
        await (await _client.GetAsync("/api/v1/sources/no-such-source")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }
}
