using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CstoChronicle.Api.Endpoints.PointInTime;
using CstoChronicle.Api.Endpoints.Timeline;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Tests.Reads;

/// <summary>
/// Answers kept by position (decision 0104): a current answer's ETag follows its position and its question, not the
/// clock; a kept answer is byte for byte what a fresh query answers; a write is in the next answer of the node that took it.
/// </summary>
public sealed class CachedReadsTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    /// <summary>Waits until this node serves current answers at the high-water mark (the daemon has caught up after the import).</summary>
    private static async Task SettledAsync(HttpClient client, string path)
    {
        await Eventually.HoldsAsync(async () =>
        {
            var first = await client.GetAsync(path);
            var second = await client.GetAsync(path);
            return first.Headers.ETag is { } etag && etag.Equals(second.Headers.ETag);
        }, "current answers at the high-water mark");
    }

    private static HttpRequestMessage Get(string path, EntityTagHeaderValue? ifNoneMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(ifNoneMatch);
        return request;
    }

    [Theory]
    [InlineData("/api/v1/members?asOf=2006-12-31")]
    [InlineData("/api/v1/offices/secretary-general?asOf=2017-03-01")]
    [InlineData("/api/v1/offices/chief-of-joint-staff?asOf=2017-03-01")]
    [InlineData("/api/v1/offices?asOf=2022-01-10")]
    [InlineData("/api/v1/chairmanship?asOf=2009-01-01")]
    [InlineData("/api/v1/timeline?from=2006&limit=20")]
    public async Task Two_requests_without_knownAt_and_no_write_between_them_revalidate_with_304(string path)
    {
        await SettledAsync(_client, path);

        var first = await _client.SendAsync(Get(path));
        var second = await _client.SendAsync(Get(path, first.Headers.ETag));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        first.Headers.ETag!.IsWeak.ShouldBeFalse();
        first.Headers.CacheControl!.NoCache.ShouldBeTrue();
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
    }

    [Fact]
    public async Task A_current_answer_echoes_the_mark_it_was_read_at_and_the_instant_that_mark_was_recorded()
    {
        await SettledAsync(_client, "/api/v1/members?asOf=2006-12-31");

        var answer = await _client.GetJsonAsync("/api/v1/members?asOf=2006-12-31");

        var position = answer.GetProperty("position").GetInt64();
        var knownAt = answer.GetProperty("knownAt").GetDateTimeOffset();
        position.ShouldBe(await factory.HeadPositionAsync());
        (await factory.ScalarAsync<DateTime>("SELECT known_at FROM {schema}.chr_known_positions WHERE position = $1", position))
            .ShouldBe(knownAt.UtcDateTime);
        // Asked again at the instant it echoes, the question has the same answer.
        var again = await _client.GetJsonAsync($"/api/v1/members?asOf=2006-12-31&knownAt={KnownInstant.Text(knownAt)}");
        again.GetProperty("position").GetInt64().ShouldBe(position);
        again.GetProperty("members").GetRawText().ShouldBe(answer.GetProperty("members").GetRawText());
    }

    [Fact]
    public async Task Kept_answers_are_byte_for_byte_what_a_fresh_query_answers_with_the_same_etag()
    {
        var instant = await KnownInstant.CaughtUpAsync(_client);
        var knownAt = KnownInstant.Text(instant);
        var json = factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        await using var dataSource = NpgsqlDataSource.Create(factory.ConnectionString);
        // A fresh query of its own: its own connection, no kept view, the claim tables folded for this one question.
        var fresh = new ChronicleQueries(dataSource, factory.Schema, TimeProvider.System);

        foreach (var day in new[] { new DateOnly(1993, 6, 1), new DateOnly(2006, 12, 31), new DateOnly(2013, 6, 1), new DateOnly(2022, 1, 10), new DateOnly(2024, 6, 1) })
        {
            var asOf = day.ToString("yyyy-MM-dd");
            var members = await fresh.MembersAsync(day, instant);
            var office = await fresh.SecretaryGeneralAsync(day, instant);
            var chair = await fresh.ChairmanshipAsync(day, instant);
            await ShouldServeAsync($"/api/v1/members?asOf={asOf}&knownAt={knownAt}",
                JsonSerializer.SerializeToUtf8Bytes(new MembersResponse(day, members.Basis.KnownAt, members.Basis.Position, members.Members), json));
            await ShouldServeAsync($"/api/v1/offices/secretary-general?asOf={asOf}&knownAt={knownAt}",
                JsonSerializer.SerializeToUtf8Bytes(new SecretaryGeneralResponse(day, office.Basis.KnownAt, office.Basis.Position, office.Holder), json));
            await ShouldServeAsync($"/api/v1/chairmanship?asOf={asOf}&knownAt={knownAt}",
                JsonSerializer.SerializeToUtf8Bytes(new ChairmanshipResponse(day, chair.Basis.KnownAt, chair.Basis.Position, chair.Chair), json));
            var offices = await fresh.OfficesAsync(day, instant);
            await ShouldServeAsync($"/api/v1/offices?asOf={asOf}&knownAt={knownAt}",
                JsonSerializer.SerializeToUtf8Bytes(new OfficesResponse(day, offices.Basis.KnownAt, offices.Basis.Position, offices.Offices), json));
            var chief = await fresh.OfficeAsync(Offices.ChiefOfJointStaff, day, instant);
            await ShouldServeAsync($"/api/v1/offices/{Offices.ChiefOfJointStaff}?asOf={asOf}&knownAt={knownAt}",
                JsonSerializer.SerializeToUtf8Bytes(new OfficeResponse(day, chief.Basis.KnownAt, chief.Basis.Position, chief.Office.Office, chief.Office.Name,
                    chief.Office.Holder), json));
        }
        var timeline = await fresh.TimelineAsync(new DateOnly(2006, 1, 1), null, null, null, null, 30, instant);
        await ShouldServeAsync($"/api/v1/timeline?from=2006-01-01&limit=30&knownAt={knownAt}",
            JsonSerializer.SerializeToUtf8Bytes(new TimelineResponse(timeline.Basis.KnownAt, timeline.Basis.Position, timeline.Items, timeline.NextCursor), json));
    }

    /// <summary>Asks twice (the second is served from what the first kept); both are the fresh answer's bytes.</summary>
    private async Task ShouldServeAsync(string path, byte[] fresh)
    {
        for (var i = 0; i < 2; i++)
        {
            var response = await _client.GetAsync(path);
            var body = await response.Content.ReadAsByteArrayAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.OK, System.Text.Encoding.UTF8.GetString(body));
            System.Text.Encoding.UTF8.GetString(body).ShouldBe(System.Text.Encoding.UTF8.GetString(fresh), path);
        }
    }

    [Fact]
    public async Task A_past_knownAt_answer_is_immutable_with_a_strong_etag_that_an_http_cache_revalidates_with_304()
    {
        const string path = "/api/v1/members?asOf=2006-12-31&knownAt=2020-01-01T00:00:00Z";

        var first = await _client.GetAsync(path);
        var second = await _client.SendAsync(Get(path, first.Headers.ETag));

        first.Headers.CacheControl!.Public.ShouldBeTrue();
        first.Headers.CacheControl.MaxAge.ShouldBe(TimeSpan.FromDays(365));
        first.Headers.CacheControl.Extensions.Select(e => e.Name).ShouldContain("immutable");
        first.Headers.ETag!.IsWeak.ShouldBeFalse();
        first.Headers.Vary.ShouldContain("Accept-Encoding");
        second.StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task A_write_is_in_the_next_current_answer_of_the_node_that_took_it_and_its_etag_changes()
    {
        await using var api = new ChronicleApiFactory();
        await api.InitializeAsync();
        var reader = api.CreateClient();
        var editor = api.CreateEditorClient();
        const string path = "/api/v1/members?asOf=2031-06-01";
        await SettledAsync(reader, path);
        var before = await reader.GetAsync(path);

        var written = await (await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2031-01-01"))).ReadJsonAsync();
        var after = await reader.GetAsync(path);

        var answer = await after.ReadJsonAsync();
        answer.GetProperty("position").GetInt64().ShouldBeGreaterThanOrEqualTo(written.GetProperty("position").GetInt64());
        answer.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("state").GetString() == "KAZ")
            .GetProperty("status").GetString().ShouldBe("suspended");
        after.Headers.ETag.ShouldNotBe(before.Headers.ETag);
        (await reader.SendAsync(Get(path, before.Headers.ETag))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_negative_minPosition_is_a_400_problem()
    {
        var response = await _client.GetAsync("/api/v1/members?minPosition=-1");
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
    }
}
