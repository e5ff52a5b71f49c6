using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Writes;

public sealed class IdempotencyTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private readonly HttpClient _editor = factory.CreateEditorClient();

    [Fact]
    public async Task The_same_key_and_body_get_the_same_stored_answer_and_write_once()
    {
        var key = ("Idempotency-Key", "same-" + Guid.NewGuid());
        var first = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2050-01-01"), key);
        var head = await factory.HeadPositionAsync();

        var second = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2050-01-01"), key);

        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        second.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).ShouldBe(await first.Content.ReadAsStringAsync());
        second.Headers.Location.ShouldBe(first.Headers.Location);
        second.Headers.ETag.ShouldBe(first.Headers.ETag);
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
        (await factory.HeadPositionAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_retry_whose_first_answer_was_lost_is_a_replay_in_the_store_not_a_second_fact()
    {
        var key = ("Idempotency-Key", "lost-" + Guid.NewGuid());
        var first = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2053-01-01"), key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        var head = await factory.HeadPositionAsync();
        // As if the process died after the append, before it kept the answer: the key's row is gone.
        await factory.ScalarAsync<object>("DELETE FROM {schema}.api_idempotency WHERE key = $1", key.Item2);

        var retry = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2053-01-01"), key);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK); // the store already had it
        EventIdOf(await retry.Content.ReadAsStringAsync()).ShouldBe(EventIdOf(await first.Content.ReadAsStringAsync()));
        (await factory.HeadPositionAsync()).ShouldBe(head);
    }

    [Theory]
    [InlineData("corrections")]
    [InlineData("retractions")]
    public async Task A_keyed_correction_or_retraction_retried_after_its_answer_was_lost_is_written_once(string amendment)
    {
        var fact = await (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2054-01-01"))).ReadJsonAsync();
        var target = fact.GetProperty("eventId").GetString();
        var body = amendment == "corrections" ? Facts.SuspensionCorrection("KAZ", "2054-02-01") : Facts.Retraction();
        var key = ("Idempotency-Key", $"{amendment}-" + Guid.NewGuid());
        var first = await _editor.PostJsonAsync($"/api/v1/events/{target}/{amendment}", body, key);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);
        // As if the process died after the append, before it kept the answer: the key's row is gone.
        await factory.ScalarAsync<object>("DELETE FROM {schema}.api_idempotency WHERE key = $1", key.Item2);

        var retry = await _editor.PostJsonAsync($"/api/v1/events/{target}/{amendment}", body, key);

        retry.StatusCode.ShouldBe(HttpStatusCode.OK, await retry.Content.ReadAsStringAsync()); // the store already had it
        EventIdOf(await retry.Content.ReadAsStringAsync()).ShouldBe(EventIdOf(await first.Content.ReadAsStringAsync()));
        (await factory.ScalarAsync<long>("SELECT count(*) FROM {schema}.chr_log WHERE target = $1::uuid", target!)).ShouldBe(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_that_writes_nothing()
    {
        var key = ("Idempotency-Key", "other-" + Guid.NewGuid());
        (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2051-01-01"), key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var head = await factory.HeadPositionAsync();

        var reused = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2051-02-01"), key);

        await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        (await factory.HeadPositionAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task Without_a_key_the_same_body_is_written_twice()
    {
        var head = await factory.HeadPositionAsync();
        (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2052-01-01"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2052-01-01"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await factory.HeadPositionAsync()).ShouldBe(head + 2);
    }

    [Fact]
    public async Task Keys_belong_to_one_api_key_so_two_editors_cannot_collide()
    {
        var key = ("Idempotency-Key", "shared-" + Guid.NewGuid());
        (await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2053-01-01"), key)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var admin = await factory.CreateAdminClient().PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2053-02-01"), key);
        admin.StatusCode.ShouldBe(HttpStatusCode.Created);
        admin.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
    }

    [Fact]
    public async Task A_refusal_is_replayed_too()
    {
        var key = ("Idempotency-Key", "refused-" + Guid.NewGuid());
        var first = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("GEO", "1990-01-01"), key);
        var second = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("GEO", "1990-01-01"), key);
        await first.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        await second.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "validation");
        second.Headers.GetValues("Idempotent-Replayed").Single().ShouldBe("true");
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_write_once()
    {
        var key = ("Idempotency-Key", "race-" + Guid.NewGuid());
        var head = await factory.HeadPositionAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ =>
            _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2054-01-01"), key)));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.Created || a.StatusCode == HttpStatusCode.Conflict);
        answers.Count(a => a.StatusCode == HttpStatusCode.Created).ShouldBeGreaterThanOrEqualTo(1);
        (await factory.HeadPositionAsync()).ShouldBe(head + 1);
    }

    [Fact]
    public async Task A_claim_abandoned_by_a_dead_process_is_taken_over_but_a_fresh_one_is_not()
    {
        var abandoned = "abandoned-" + Guid.NewGuid();
        var running = "running-" + Guid.NewGuid();
        await factory.ScalarAsync<object>("""
            INSERT INTO {schema}.api_idempotency (principal, key, request_hash, created_at)
            VALUES ($1, $2, 'x', now() - interval '10 minutes'), ($1, $3, 'x', now())
            """, ChronicleApiFactory.EditorName, abandoned, running);

        var takenOver = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2055-01-01"), ("Idempotency-Key", abandoned));
        var stillRunning = await _editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2055-01-01"), ("Idempotency-Key", running));

        takenOver.StatusCode.ShouldBe(HttpStatusCode.Created);
        await stillRunning.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency-in-progress");
    }

    [Fact]
    public async Task Expired_answers_are_removed()
    {
        var expired = "expired-" + Guid.NewGuid();
        await factory.ScalarAsync<object>("""
            INSERT INTO {schema}.api_idempotency (principal, key, request_hash, status, created_at)
            VALUES ($1, $2, 'x', 201, now() - interval '2 days')
            """, "someone-else", expired);

        (await _editor.PostJsonAsync("/api/v1/sources", Facts.Source("expiry-trigger"), ("Idempotency-Key", "fresh-" + Guid.NewGuid())))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        (await factory.ScalarAsync<long>("SELECT count(*) FROM {schema}.api_idempotency WHERE key = $1", expired)).ShouldBe(0);
    }

    private static string? EventIdOf(string receipt) =>
        System.Text.Json.JsonDocument.Parse(receipt).RootElement.GetProperty("eventId").GetString();
}
