using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Reads;

public sealed class PeriodsTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static IEnumerable<DateOnly> EveryHalfYear() =>
        Enumerable.Range(0, 70).Select(i => new DateOnly(1992, 1, 1).AddMonths(6 * i))
            .Concat([new(1999, 4, 20), new(1999, 4, 21), new(2006, 8, 15), new(2006, 8, 16), new(2012, 12, 19), new(2024, 2, 22)]);

    [Fact]
    public async Task Without_a_view_every_view_is_answered_with_its_basis()
    {
        var answer = await _client.GetJsonAsync("/api/v1/periods");

        answer.GetProperty("views").EnumerateArray().Select(v => v.GetString())
            .ShouldBe(["membership", "secretary-general", "chairmanship", "bodies", "documents"]);
        answer.GetProperty("position").GetInt64().ShouldBe(await factory.HeadPositionAsync());
        answer.GetProperty("knownAt").GetString().ShouldEndWith("Z");
        var views = answer.GetProperty("lanes").EnumerateArray().Select(l => l.GetProperty("view").GetString()).Distinct().ToList();
        views.ShouldBe(["membership", "secretary-general", "chairmanship", "bodies", "documents"]);
    }

    [Fact]
    public async Task Membership_lanes_agree_with_the_members_answer_on_every_day_asked()
    {
        var lanes = Lanes(await _client.GetJsonAsync("/api/v1/periods?view=membership"));
        lanes.Keys.ShouldBe(["ARM", "KAZ", "KGZ", "RUS", "TJK", "UZB", "AZE", "BLR", "GEO"], ignoreOrder: true);

        foreach (var day in EveryHalfYear())
        {
            var members = (await _client.GetJsonAsync($"/api/v1/members?asOf={day:yyyy-MM-dd}")).GetProperty("members").EnumerateArray()
                .ToDictionary(m => m.GetProperty("state").GetString()!, m => (Status: m.GetProperty("status").GetString(), Certainty: m.GetProperty("certainty").GetString()));
            foreach (var (state, periods) in lanes)
            {
                var certainly = periods.Where(p => CertainlyHolds(p, day)).Select(p => p.GetProperty("value").GetString()).SingleOrDefault();
                if (members.TryGetValue(state, out var member))
                    periods.ShouldContain(p => p.GetProperty("value").GetString() == member.Status && PossiblyHolds(p, day), $"{state} on {day}");
                if (certainly is not null and not "withdrawn")
                    members.GetValueOrDefault(state).Status.ShouldBe(certainly, $"{state} on {day}");
                if (certainly is "withdrawn") members.ShouldNotContainKey(state, $"{state} on {day}");
            }
        }
    }

    [Fact]
    public async Task The_office_and_chair_lanes_agree_with_their_point_in_time_answers()
    {
        var answer = await _client.GetJsonAsync("/api/v1/periods?view=secretary-general,chairmanship");
        var lanes = Lanes(answer);
        lanes.Keys.ShouldBe(["secretary-general", "chairmanship"]);

        foreach (var day in EveryHalfYear())
        {
            var holder = (await _client.GetJsonAsync($"/api/v1/offices/secretary-general?asOf={day:yyyy-MM-dd}")).GetProperty("holder");
            var chair = (await _client.GetJsonAsync($"/api/v1/chairmanship?asOf={day:yyyy-MM-dd}")).GetProperty("chair");
            Agrees(lanes["secretary-general"], day, holder.ValueKind == JsonValueKind.Null ? null : holder.GetProperty("personId").GetString());
            Agrees(lanes["chairmanship"], day, chair.ValueKind == JsonValueKind.Null ? null : chair.GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task A_disputed_period_carries_every_claim_with_its_rank()
    {
        var uzbekistan = Lanes(await _client.GetJsonAsync("/api/v1/periods?view=membership"))["UZB"];

        var rejoined = uzbekistan.Single(p => p.GetProperty("start").GetProperty("on").GetString() == "2006-08-16");
        rejoined.GetProperty("disputed").GetBoolean().ShouldBeTrue();
        var claims = rejoined.GetProperty("claims").EnumerateArray()
            .Select(c => (Role: c.GetProperty("role").GetString(), Rank: c.GetProperty("rank").GetString(), On: c.GetProperty("on").GetString())).ToList();
        claims.ShouldContain(("start", "preferred", "2006-08-16"));
        claims.ShouldContain(("competing", "normal", "2006-06-23"));
        claims.ShouldContain(("competing", "deprecated", "2012-06-28"));
        rejoined.GetProperty("eventIds").GetArrayLength().ShouldBeGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task A_correction_moves_a_period_and_an_earlier_knownAt_still_shows_it_where_it_was()
    {
        var editor = factory.CreateEditorClient();
        var recorded = await (await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2033-01-01"))).ReadJsonAsync();
        var beforeCorrection = await KnownInstant.OfAsync(editor, recorded.GetProperty("eventId").GetString());
        var corrected = await editor.PostJsonAsync($"/api/v1/events/{recorded.GetProperty("eventId").GetString()}/corrections",
            Facts.SuspensionCorrection("KAZ", "2033-02-01"));
        corrected.StatusCode.ShouldBe(HttpStatusCode.Created);

        string? SuspendedFrom(JsonElement answer) => Lanes(answer)["KAZ"].Single(p => p.GetProperty("value").GetString() == "suspended")
            .GetProperty("start").GetProperty("on").GetString();
        SuspendedFrom(await _client.GetJsonAsync("/api/v1/periods?view=membership")).ShouldBe("2033-02-01");
        SuspendedFrom(await _client.GetJsonAsync($"/api/v1/periods?view=membership&knownAt={beforeCorrection}")).ShouldBe("2033-01-01");
    }

    [Fact]
    public async Task Before_anything_was_recorded_there_are_no_lanes_and_the_answer_is_immutable()
    {
        var response = await _client.GetAsync("/api/v1/periods?knownAt=2000-01-01T00:00:00Z");

        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        (await response.ReadJsonAsync()).GetProperty("lanes").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("/api/v1/periods?view=presidents", "view")]
    [InlineData("/api/v1/periods?view=membership,", "view")]
    [InlineData("/api/v1/periods?knownAt=yesterday", "knownAt")]
    [InlineData("/api/v1/periods?knownAt=2999-01-01T00:00:00Z", "knownAt")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string path, string parameter)
    {
        var response = await _client.GetAsync(path);

        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter")).Detail.ShouldNotBeNull().ShouldStartWith(parameter + ":");
    }

    [Fact]
    public async Task The_endpoint_is_in_the_openapi_document_with_its_view_parameter_and_an_example()
    {
        var operation = (await _client.GetJsonAsync("/openapi/v1.json")).GetProperty("paths").GetProperty("/api/v1/periods").GetProperty("get");

        operation.GetProperty("operationId").GetString().ShouldBe("GetPeriods");
        operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["view", "knownAt", "If-None-Match"], ignoreOrder: true);
        operation.GetProperty("responses").GetProperty("200").GetRawText().ShouldContain("2882440b-2d62-55a9-8579-d574e936e42a");
        operation.GetProperty("responses").TryGetProperty("400", out _).ShouldBeTrue();
    }

    private static Dictionary<string, List<JsonElement>> Lanes(JsonElement answer) =>
        answer.GetProperty("lanes").EnumerateArray().ToDictionary(l => l.GetProperty("id").GetString()!, l => l.GetProperty("periods").EnumerateArray().ToList());

    private static void Agrees(List<JsonElement> periods, DateOnly day, string? answered)
    {
        if (answered is not null)
            periods.ShouldContain(p => p.GetProperty("value").GetString() == answered && PossiblyHolds(p, day), $"{answered} on {day}");
        var certainly = periods.Where(p => CertainlyHolds(p, day)).Select(p => p.GetProperty("value").GetString()).ToList();
        if (certainly.Count > 0) certainly.ShouldBe([answered], $"on {day}");
    }

    private static DateOnly? Day(JsonElement edge, string side) =>
        edge.ValueKind == JsonValueKind.Null || edge.GetProperty(side).ValueKind == JsonValueKind.Null ? null : DateOnly.Parse(edge.GetProperty(side).GetString()!);

    /// <summary>The period may hold: its start may have come by the day and its end may not have.</summary>
    private static bool PossiblyHolds(JsonElement period, DateOnly day) =>
        (Day(period.GetProperty("start"), "earliest") ?? DateOnly.MinValue) <= day
        && (period.GetProperty("end").ValueKind == JsonValueKind.Null || day < (Day(period.GetProperty("end"), "latest") ?? DateOnly.MaxValue));

    /// <summary>The period certainly holds: its start certainly came by the day and its end certainly had not.</summary>
    private static bool CertainlyHolds(JsonElement period, DateOnly day) =>
        (Day(period.GetProperty("start"), "latest") ?? DateOnly.MaxValue) <= day
        && (period.GetProperty("end").ValueKind == JsonValueKind.Null || day < (Day(period.GetProperty("end"), "earliest") ?? DateOnly.MinValue));
}
