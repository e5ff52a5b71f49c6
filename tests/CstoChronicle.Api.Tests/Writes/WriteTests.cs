using System.Net;
using System.Net.Http.Headers;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Writes;

public sealed class WriteTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _editor = factory.CreateEditorClient();

    [Fact]
    public async Task Recording_a_fact_answers_201_with_location_version_etag_and_the_keys_name()
    {
        var response = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2031-01-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var receipt = await response.ReadJsonAsync();
        var id = receipt.GetProperty("eventId").GetString();
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/events/{id}");
        receipt.GetProperty("entity").GetString().ShouldBe("KAZ");
        receipt.GetProperty("recordedBy").GetString().ShouldBe(ChronicleApiFactory.EditorName);
        response.Headers.ETag!.Tag.ShouldBe($"\"{receipt.GetProperty("version").GetInt64()}\"");
        receipt.GetProperty("position").GetInt64().ShouldBe(await factory.HeadPositionAsync());

        var stored = (await _editor.GetJsonAsync($"/api/v1/events/{id}")).GetProperty("event");
        stored.GetProperty("recordedBy").GetString().ShouldBe(ChronicleApiFactory.EditorName);
    }

    [Fact]
    public async Task RecordedBy_cannot_be_set_by_the_body()
    {
        var before = await factory.HeadPositionAsync();
        var body = Facts.Suspension("KAZ", "2031-02-01").Insert(1, "\"recordedBy\":\"mallory\",");

        var response = await _editor.PostJsonAsync("/api/v1/events", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-body");
        problem.Detail.ShouldNotBeNull().ShouldContain("recordedBy");
        (await factory.HeadPositionAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_rule_violation_is_a_422_naming_the_field_and_writes_nothing()
    {
        var before = await factory.HeadPositionAsync();
        var response = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("GEO", "1990-01-01"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        problem.Raw.GetProperty("errors")[0].GetProperty("field").GetString()!.ShouldStartWith("$.data.");
        (await factory.HeadPositionAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_correction_supersedes_the_fact_while_an_earlier_knownAt_still_shows_it_alone()
    {
        var recorded = await (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KGZ", "2032-01-01"))).ReadJsonAsync();
        var id = recorded.GetProperty("eventId").GetString();
        var beforeCorrection = await KnownInstant.OfAsync(_editor, id);

        var response = await _editor.PostJsonAsync($"/api/v1/events/{id}/corrections", Facts.SuspensionCorrection("KGZ", "2032-02-01"));

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var correction = (await response.ReadJsonAsync()).GetProperty("eventId").GetString();
        (await _editor.GetJsonAsync($"/api/v1/events/{id}")).GetProperty("event").GetProperty("supersededBy").GetString().ShouldBe(correction);
        (await _editor.GetJsonAsync($"/api/v1/events/{id}?knownAt={beforeCorrection}")).GetProperty("event")
            .GetProperty("supersededBy").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Fact]
    public async Task Amending_a_corrected_fact_without_If_Match_is_a_409_naming_the_version_to_send()
    {
        var recorded = await (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KGZ", "2033-01-01"))).ReadJsonAsync();
        var id = recorded.GetProperty("eventId").GetString();
        var correction = await (await _editor.PostJsonAsync($"/api/v1/events/{id}/corrections", Facts.SuspensionCorrection("KGZ", "2033-02-01")))
            .ReadJsonAsync();
        var before = await factory.HeadPositionAsync();

        var blind = await _editor.PostJsonAsync($"/api/v1/events/{id}/corrections", Facts.SuspensionCorrection("KGZ", "2033-03-01"));
        var blindRetraction = await _editor.PostJsonAsync($"/api/v1/events/{id}/retractions", Facts.Retraction());

        var problem = await blind.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fact-amended");
        problem.Detail!.ShouldContain(correction.GetProperty("eventId").GetString()!);
        var version = correction.GetProperty("version").GetInt64();
        problem.Raw.GetProperty("currentVersion").GetInt64().ShouldBe(version);
        await blindRetraction.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fact-amended");
        (await factory.HeadPositionAsync()).ShouldBe(before);

        var informed = await _editor.PostJsonAsync($"/api/v1/events/{id}/corrections", Facts.SuspensionCorrection("KGZ", "2033-03-01"),
            ("If-Match", $"\"{version}\""));
        informed.StatusCode.ShouldBe(HttpStatusCode.Created, await informed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_retraction_withdraws_the_fact()
    {
        var recorded = await (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("TJK", "2032-01-01"))).ReadJsonAsync();
        var id = recorded.GetProperty("eventId").GetString();

        var response = await _editor.PostJsonAsync($"/api/v1/events/{id}/retractions", Facts.Retraction());

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var retraction = (await response.ReadJsonAsync()).GetProperty("eventId").GetString();
        (await _editor.GetJsonAsync($"/api/v1/events/{id}")).GetProperty("event").GetProperty("retractedBy").GetString().ShouldBe(retraction);
        var again = await _editor.PostJsonAsync($"/api/v1/events/{id}/retractions", Facts.Retraction());
        await again.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
    }

    [Fact]
    public async Task Correcting_an_unknown_event_is_a_404()
    {
        var response = await _editor.PostJsonAsync($"/api/v1/events/{Guid.NewGuid()}/corrections", Facts.SuspensionCorrection("KGZ", "2032-02-01"));
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A_source_is_registered_once_and_the_same_again_is_a_200_repeat()
    {
        var first = await _editor.PostJsonAsync("/api/v1/sources", Facts.Source("write-tests-source"));
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        first.Headers.Location!.ToString().ShouldBe("/api/v1/sources/write-tests-source");

        var again = await _editor.PostJsonAsync("/api/v1/sources", Facts.Source("write-tests-source"));
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await again.ReadJsonAsync()).GetProperty("alreadyRecorded").GetBoolean().ShouldBeTrue();

        var changed = await _editor.PostJsonAsync("/api/v1/sources", Facts.Source("write-tests-source").Replace("Test source", "Other title"));
        await changed.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        (await _editor.GetJsonAsync("/api/v1/sources/write-tests-source")).GetProperty("source").GetProperty("title").GetString()!.ShouldStartWith("Test source");
    }

    [Fact]
    public async Task If_match_with_the_current_version_writes_and_a_stale_one_is_a_412_that_writes_nothing()
    {
        var history = await _editor.GetJsonAsync("/api/v1/entities/RUS/history");
        var version = history.GetProperty("version").GetInt64();

        var stale = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("RUS", "2033-01-01"), ("If-Match", $"\"{version - 1}\""));
        var before = await factory.HeadPositionAsync();
        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
        problem.Raw.GetProperty("currentVersion").GetInt64().ShouldBe(version);
        (await factory.HeadPositionAsync()).ShouldBe(before);

        var current = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("RUS", "2033-01-01"), ("If-Match", $"\"{version}\""));
        current.StatusCode.ShouldBe(HttpStatusCode.Created);
        current.Headers.ETag!.Tag.ShouldBe($"\"{version + 1}\"");
    }

    [Fact]
    public async Task Of_two_concurrent_writes_with_the_same_if_match_one_wins_and_the_other_gets_412()
    {
        var version = (await _editor.GetJsonAsync("/api/v1/entities/BLR/history")).GetProperty("version").GetInt64();

        var answers = await Task.WhenAll(Enumerable.Range(0, 2).Select(i =>
            _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("BLR", $"2034-0{i + 1}-01"), ("If-Match", $"\"{version}\""))));

        answers.Select(a => a.StatusCode).OrderBy(s => s).ShouldBe([HttpStatusCode.Created, HttpStatusCode.PreconditionFailed]);
        (await _editor.GetJsonAsync("/api/v1/entities/BLR/history")).GetProperty("version").GetInt64().ShouldBe(version + 1);
    }

    [Fact]
    public async Task If_match_zero_means_the_stream_must_not_exist_yet()
    {
        var response = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("ARM", "2035-01-01"), ("If-Match", "\"0\""));
        await response.ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "precondition-failed");
    }
}
