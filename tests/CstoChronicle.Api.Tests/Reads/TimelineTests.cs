using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Reads;

public sealed class TimelineTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Pages_follow_the_link_header_without_repeating_or_skipping()
    {
        var all = (await _client.GetJsonAsync("/api/v1/timeline?from=2000&to=2010&limit=500")).GetProperty("items")
            .EnumerateArray().Select(i => i.GetProperty("eventId").GetString()).ToList();
        all.Count.ShouldBeGreaterThan(5);

        var seen = new List<string?>();
        var next = "/api/v1/timeline?from=2000&to=2010&limit=3";
        while (next is not null)
        {
            var response = await _client.GetAsync(next);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await response.ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("eventId").GetString()));
            next = response.Headers.TryGetValues("Link", out var links) ? NextOf(links.Single()) : null;
            if (next is null) page.GetProperty("nextCursor").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        }
        seen.ShouldBe(all);
    }

    [Fact]
    public async Task Items_come_in_historical_order_within_the_range()
    {
        var items = (await _client.GetJsonAsync("/api/v1/timeline?from=1992&to=2000&limit=500")).GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        foreach (var item in items)
        {
            item.GetProperty("on").GetString().ShouldNotBeNullOrEmpty();
            item.GetProperty("rank").GetString().ShouldNotBeNullOrEmpty();
        }
    }

    [Fact]
    public async Task Type_and_entity_filter_the_timeline()
    {
        var items = (await _client.GetJsonAsync("/api/v1/timeline?type=StateAcceded&entity=UZB")).GetProperty("items").EnumerateArray().ToList();
        items.ShouldNotBeEmpty();
        items.ShouldAllBe(i => i.GetProperty("type").GetString() == "StateAcceded" && i.GetProperty("entity").GetString() == "UZB");
    }

    [Theory]
    [InlineData("type=DropTable", "type")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=abc", "limit")]
    [InlineData("from=2010&to=2000", "to")]
    [InlineData("from=2010-02-30", "from")]
    public async Task Bad_parameters_are_400s_naming_them(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/v1/timeline?" + query);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        problem.Raw.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe(parameter);
    }

    private static string NextOf(string link)
    {
        link.ShouldEndWith("rel=\"next\"");
        var url = new Uri(link[(link.IndexOf('<') + 1)..link.IndexOf('>')]);
        return url.PathAndQuery;
    }
}
