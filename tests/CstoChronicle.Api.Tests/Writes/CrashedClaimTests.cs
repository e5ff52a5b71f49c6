using System.Net;
using CstoChronicle.Api.Idempotency;
using CstoChronicle.Api.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CstoChronicle.Api.Tests.Writes;

/// <summary>
/// A keyed write whose process dies before it answers leaves its claim behind. The claim belongs to the process's
/// lease, which PostgreSQL releases with the dead process's connection: a retry on another process is answered at once
/// (one fact, no 409), while a claim of a living process still answers 409.
/// </summary>
public sealed class CrashedClaimTests
{
    [Fact]
    public async Task A_retry_after_the_claiming_process_was_killed_is_answered_at_once_and_writes_once()
    {
        await using var survivor = new ChronicleApiFactory();
        var editor = survivor.CreateEditorClient();
        using var crashing = ApiCommand.StartNode(survivor, "--urls", $"http://127.0.0.1:{ApiCommand.FreePort()}", "--Chronicle:ImportDataset=false", "--Logging:LogLevel:Default=Warning");
        var crashingId = await LeaseIdOfOtherProcessAsync(survivor);

        // The state a process leaves when it dies mid-request: a claim without an answer, owned by its lease.
        var key = "crash-" + Guid.NewGuid();
        await survivor.ScalarAsync<object>(
            "INSERT INTO {schema}.api_idempotency (principal, key, request_hash, owner) VALUES ($1, $2, 'its request', $3)",
            ChronicleApiFactory.EditorName, key, crashingId);
        var whileAlive = await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2061-01-01"), ("Idempotency-Key", key));
        await whileAlive.ShouldBeProblemAsync(HttpStatusCode.Conflict, "idempotency-in-progress");

        crashing.Kill(entireProcessTree: true);
        await crashing.WaitForExitAsync();
        await Eventually.HoldsAsync(async () => await SessionsOfAsync(survivor, crashingId) == 0, "PostgreSQL to see the killed process's connection go");

        var retry = await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2061-01-01"), ("Idempotency-Key", key));
        var again = await editor.PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", "2061-01-01"), ("Idempotency-Key", key));

        retry.StatusCode.ShouldBe(HttpStatusCode.Created, await retry.Content.ReadAsStringAsync());
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.Headers.GetValues(IdempotentWrite.ReplayedHeader).Single().ShouldBe("true");
        (await survivor.ScalarAsync<long>("SELECT count(*) FROM {schema}.chr_log WHERE stream_id = 'KAZ' AND on_text = '2061-01-01'")).ShouldBe(1);
    }


    private static async Task<string> LeaseIdOfOtherProcessAsync(ChronicleApiFactory api)
    {
        var own = api.Services.GetRequiredService<ProcessLease>().Id;
        string? other = null;
        await Eventually.HoldsAsync(async () =>
        {
            other = await api.ScalarAsync<string>(
                "SELECT split_part(application_name, ':', 3) FROM pg_stat_activity WHERE application_name LIKE $1 AND application_name NOT LIKE $2 LIMIT 1",
                $"lease:{api.Schema}:%", $"%:{own}");
            return other is not null;
        }, "the second process to take its lease");
        return other!;
    }

    private static Task<long> SessionsOfAsync(ChronicleApiFactory api, string leaseId) =>
        api.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE application_name = $1", $"lease:{api.Schema}:{leaseId}");

}
