using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Reads;

/// <summary>An API node that sends point-in-time reads to the schema of another node, on a streaming replica.</summary>
public sealed class ReplicaNode(string schema, string replica) : ChronicleApiFactory(new()
{
    ["Chronicle:Schema"] = schema,
    ["Chronicle:ImportDataset"] = "false",
    ["ConnectionStrings:ChronicleRead"] = replica,
    ["Chronicle:Reads:ReplicaWait"] = "00:00:00.500",
});

/// <summary>
/// Reads from a real streaming replica (ConnectionStrings:ChronicleRead): answers carry the position the replica had;
/// a client that passes the position of its write (minPosition) never gets an answer without it, even while the replica
/// is stopped; knownAt stays exact.
/// </summary>
public sealed class ReplicaReadsTests(StreamingReplica replica) : IClassFixture<StreamingReplica>
{
    private const string Path = "/api/v1/members?asOf=2031-06-01";

    private static bool Suspended(System.Text.Json.JsonElement answer, string state) =>
        answer.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("state").GetString() == state)
            .GetProperty("status").GetString() == "suspended";

    [Fact]
    public async Task A_lagging_replica_answers_at_its_own_position_and_minPosition_gets_the_write_from_the_primary()
    {
        // The writer node: reads and writes on the primary. The reader node: another process's view, reads on the replica.
        await using var writer = new ChronicleApiFactory();
        await writer.InitializeAsync();
        await using var reader = new ReplicaNode(writer.Schema, replica.ConnectionString);
        await reader.InitializeAsync();
        var client = reader.CreateClient();
        var head = await writer.HeadPositionAsync();
        await Eventually.HoldsAsync(async () => (await client.GetJsonAsync(Path)).GetProperty("position").GetInt64() >= head,
            "the replica to replay the dataset");

        await replica.PauseReplayAsync();
        try
        {
            var receipt = await (await writer.CreateEditorClient().PostJsonAsync("/api/v1/events", Facts.Suspension("KGZ", "2031-01-01"))).ReadJsonAsync();
            var written = receipt.GetProperty("position").GetInt64();

            var knownNow = await client.GetJsonAsync($"{Path}&knownAt={KnownInstant.Text(await KnownInstant.CaughtUpAsync(writer.CreateClient()))}");
            var ownWrite = await client.GetJsonAsync($"{Path}&minPosition={written}");
            // Last: by now the primary's mark has passed the write and the reader has polled its read database many
            // times over (minPosition waited for the replica twice), so only a node that reads the replica can lag.
            var lagging = await client.GetJsonAsync(Path);

            // Without minPosition: the replica's answer, saying which position it is at (before the write).
            lagging.GetProperty("position").GetInt64().ShouldBeLessThan(written);
            Suspended(lagging, "KGZ").ShouldBeFalse();
            // With it: never older than the write (the primary answered, the replica being stopped).
            ownWrite.GetProperty("position").GetInt64().ShouldBeGreaterThanOrEqualTo(written);
            Suspended(ownWrite, "KGZ").ShouldBeTrue();
            // knownAt resolves on the primary and reads its position where it is stored: exact, whatever the replica's lag.
            knownNow.GetProperty("position").GetInt64().ShouldBeGreaterThanOrEqualTo(written);
            Suspended(knownNow, "KGZ").ShouldBeTrue();
        }
        finally
        {
            await replica.ResumeReplayAsync();
        }

        var caughtUp = await writer.HeadPositionAsync();
        await Eventually.HoldsAsync(async () =>
        {
            var answer = await client.GetJsonAsync(Path);
            return answer.GetProperty("position").GetInt64() >= caughtUp && Suspended(answer, "KGZ");
        }, "the replica to replay the write");
    }

    [Fact]
    public async Task Reads_on_the_replica_answer_what_the_primary_answers()
    {
        await using var writer = new ChronicleApiFactory();
        await writer.InitializeAsync();
        await using var reader = new ReplicaNode(writer.Schema, replica.ConnectionString);
        await reader.InitializeAsync();
        var head = await writer.HeadPositionAsync();
        var fromReplica = reader.CreateClient();
        await Eventually.HoldsAsync(async () => (await fromReplica.GetJsonAsync(Path)).GetProperty("position").GetInt64() >= head,
            "the replica to replay the dataset");
        (await replica.ScalarAsync<bool>("SELECT pg_is_in_recovery()")).ShouldBeTrue();

        var knownAt = KnownInstant.Text(await KnownInstant.CaughtUpAsync(writer.CreateClient()));
        foreach (var path in new[] { "/api/v1/members?asOf=2006-12-31", "/api/v1/offices/secretary-general?asOf=2017-03-01",
                     "/api/v1/chairmanship?asOf=2009-01-01", "/api/v1/timeline?from=2006&limit=25" })
        {
            // At a past knownAt both answers are fixed: byte for byte the same.
            var atInstant = $"{path}&knownAt={knownAt}";
            var primary = await writer.CreateClient().GetAsync(atInstant);
            var copy = await fromReplica.GetAsync(atInstant);
            copy.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await copy.Content.ReadAsStringAsync()).ShouldBe(await primary.Content.ReadAsStringAsync(), atInstant);

            // Current answers: the same position and content. Their knownAt is the clock's when a node's poll of its
            // read database is not recent (a loaded machine), so it is left out of the comparison.
            (await CurrentAnswerAsync(fromReplica, path)).ShouldBe(await CurrentAnswerAsync(writer.CreateClient(), path), path);
        }
    }

    private static async Task<string> CurrentAnswerAsync(HttpClient client, string path)
    {
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(path))!.AsObject();
        answer.Remove("knownAt").ShouldBeTrue();
        return answer.ToJsonString();
    }
}
