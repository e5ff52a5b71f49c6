using System.Net;
using System.Net.Http.Headers;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Reads;

public sealed class PointInTimeTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Members_on_a_day_list_each_state_with_status_certainty_and_events()
    {
        var answer = await _client.GetJsonAsync("/api/v1/members?asOf=2006-12-31");

        answer.GetProperty("asOf").GetString().ShouldBe("2006-12-31");
        answer.GetProperty("position").GetInt64().ShouldBe(await factory.HeadPositionAsync());
        var members = answer.GetProperty("members").EnumerateArray().ToList();
        members.Select(m => m.GetProperty("state").GetString()).ShouldContain("UZB");
        members.Select(m => m.GetProperty("state").GetString()).ShouldNotContain("GEO");
        var uzbekistan = members.Single(m => m.GetProperty("state").GetString() == "UZB");
        uzbekistan.GetProperty("status").GetString().ShouldBe("member");
        uzbekistan.GetProperty("certainty").GetString().ShouldBe("certain");
        uzbekistan.GetProperty("eventIds").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Without_asOf_the_answer_is_for_today_and_knownAt_is_a_utc_instant()
    {
        var answer = await _client.GetJsonAsync("/api/v1/members");
        answer.GetProperty("asOf").GetString().ShouldBe(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        answer.GetProperty("knownAt").GetString().ShouldEndWith("Z");
    }

    [Fact]
    public async Task The_secretary_general_on_a_day_is_named_with_basis()
    {
        var answer = await _client.GetJsonAsync("/api/v1/offices/secretary-general?asOf=2017-03-01");
        answer.GetProperty("asOf").GetString().ShouldBe("2017-03-01");
        var holder = answer.GetProperty("holder");
        holder.GetProperty("name").GetString().ShouldNotBeNullOrWhiteSpace();
        holder.GetProperty("certainty").GetString().ShouldBeOneOf("certain", "possible");
    }

    [Fact]
    public async Task Before_the_office_existed_there_is_no_secretary_general()
    {
        var answer = await _client.GetJsonAsync("/api/v1/offices/secretary-general?asOf=1993-01-01");
        answer.GetProperty("holder").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task The_chief_of_the_joint_staff_on_a_day_is_named_with_the_office_and_basis()
    {
        var answer = await _client.GetJsonAsync("/api/v1/offices/chief-of-joint-staff?asOf=2017-03-01");

        answer.GetProperty("asOf").GetString().ShouldBe("2017-03-01");
        answer.GetProperty("office").GetString().ShouldBe("chief-of-joint-staff");
        answer.GetProperty("name").GetString().ShouldBe("Chief of the CSTO Joint Staff");
        var holder = answer.GetProperty("holder");
        holder.GetProperty("personId").GetString().ShouldBe("anatoly-sidorov");
        holder.GetProperty("since").GetString().ShouldBe("2015-09-15");
        holder.GetProperty("certainty").GetString().ShouldBe("certain");
    }

    [Fact]
    public async Task Every_office_on_a_day_is_listed_with_its_holder_the_secretary_general_first()
    {
        var answer = await _client.GetJsonAsync("/api/v1/offices?asOf=2024-01-01");

        var offices = answer.GetProperty("offices").EnumerateArray().ToList();
        offices.Select(o => o.GetProperty("office").GetString()).ShouldBe(["secretary-general", "chief-of-joint-staff", "commander-peacekeeping-forces-kazakhstan-2022"]);
        offices[0].GetProperty("holder").GetProperty("personId").GetString().ShouldBe("imangali-tasmagambetov");
        offices[1].GetProperty("holder").GetProperty("personId").GetString().ShouldBe("andrei-serdyukov");
    }

    [Fact]
    public async Task An_office_the_chronicle_does_not_record_is_not_found()
    {
        var response = await _client.GetAsync("/api/v1/offices/commander-in-chief?asOf=2017-03-01");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_chair_on_a_day_is_a_state()
    {
        var answer = await _client.GetJsonAsync("/api/v1/chairmanship?asOf=2022-12-31");
        answer.GetProperty("chair").GetProperty("state").GetString()!.Length.ShouldBe(3);
    }

    [Fact]
    public async Task Bodies_and_documents_answer_as_of_a_day()
    {
        (await _client.GetJsonAsync("/api/v1/bodies?asOf=2010-01-01")).GetProperty("bodies").GetArrayLength().ShouldBeGreaterThan(0);
        (await _client.GetJsonAsync("/api/v1/documents?asOf=2010-01-01")).GetProperty("documents").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Changes_between_two_years_include_the_suspension_of_uzbekistan()
    {
        var answer = await _client.GetJsonAsync("/api/v1/changes?from=2012&to=2013");
        answer.GetProperty("from").GetString().ShouldBe("2012-01-01");
        answer.GetProperty("to").GetString().ShouldBe("2013-12-31");
        answer.GetProperty("changes").EnumerateArray()
            .ShouldContain(c => c.GetProperty("entity").GetString() == "UZB" && c.GetProperty("what").GetString() == "suspended");
    }

    [Fact]
    public async Task Changes_need_a_from_day()
    {
        var response = await _client.GetAsync("/api/v1/changes");
        (await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter")).Detail.ShouldNotBeNull().ShouldStartWith("from:");
    }

    [Fact]
    public async Task A_knownAt_before_anything_was_recorded_answers_no_members_and_is_immutable()
    {
        var response = await _client.GetAsync("/api/v1/members?asOf=2006-12-31&knownAt=2000-01-01T00:00:00Z");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.ToString().ShouldBe("public, max-age=31536000, immutable");
        var answer = await response.ReadJsonAsync();
        answer.GetProperty("members").GetArrayLength().ShouldBe(0);
        answer.GetProperty("knownAt").GetString().ShouldBe("2000-01-01T00:00:00Z");
    }

    [Fact]
    public async Task A_current_answer_must_be_revalidated()
    {
        var response = await _client.GetAsync("/api/v1/members?asOf=2006-12-31");
        response.Headers.CacheControl!.NoCache.ShouldBeTrue();
    }

    [Fact]
    public async Task A_strong_etag_answers_304_when_nothing_changed()
    {
        var first = await _client.GetAsync("/api/v1/members?asOf=2006-12-31&knownAt=2001-01-01T00:00:00Z");
        var etag = first.Headers.ETag!;
        etag.IsWeak.ShouldBeFalse();

        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/members?asOf=2006-12-31&knownAt=2001-01-01T00:00:00Z");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await _client.SendAsync(request);

        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        second.Headers.ETag.ShouldBe(etag);
        (await second.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Another_etag_gets_the_full_answer()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/members?asOf=2006-12-31");
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        var response = await _client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("asOf=2022-02-30", "asOf")]
    [InlineData("asOf=1992-13", "asOf")]
    [InlineData("asOf=19920515", "asOf")]
    [InlineData("asOf=2006", "asOf")]
    [InlineData("knownAt=yesterday", "knownAt")]
    [InlineData("knownAt=2999-01-01T00:00:00Z", "knownAt")]
    [InlineData("knownAt=2020-01-01T00:00:00", "knownAt")]
    public async Task A_malformed_time_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await _client.GetAsync("/api/v1/members?" + query);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        problem.Detail.ShouldNotBeNull().ShouldStartWith(parameter + ":");
        problem.Raw.GetProperty("errors")[0].GetProperty("field").GetString().ShouldBe(parameter);
    }
}
