using System.Text.Json.Nodes;

namespace CstoChronicle.Api.OpenApi;

/// <summary>
/// Example answers of the webhook endpoints, by operation id and status, as JSON (the endpoints belong to the
/// notifications feature; a test validates every example of the document against its schema, so these cannot drift).
/// </summary>
public static class NotificationExamples
{
    private const string Subscription = """
        "id":"0193a0c4-1f2e-7b3c-9d4e-5f6a7b8c9d0e","url":"https://hooks.example.org/csto","types":["StateAcceded","StateWithdrew"],
        "entities":null,"description":"membership changes","state":"active","stateReason":null,"afterPosition":283,
        "createdAt":"2026-11-29T18:51:09Z","owner":"alice"
        """;

    private const string DeadLetter = """
        {"id":1200,"position":284,"eventId":"01a228a5-937b-7a2d-a1d8-5182b70254aa","type":"StateAcceded","entity":"UZB","state":"dead",
         "attempts":12,"nextAttemptAt":null,"lastStatus":500,"lastError":"HTTP 500","replayOf":null,"createdAt":"2026-11-29T18:51:10Z",
         "completedAt":"2026-11-30T06:12:44Z","log":[{"attempt":12,"attemptedAt":"2026-11-30T06:12:44Z","durationMs":41,"outcome":"failed",
         "statusCode":500,"error":"HTTP 500"}]}
        """;

    private static readonly Dictionary<(string Operation, int Status), string> Json = new()
    {
        [("CreateSubscription", 201)] = "{" + Subscription + ",\"secret\":\"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\"}",
        [("ListSubscriptions", 200)] = "[{" + Subscription + "}]",
        [("GetSubscription", 200)] = "{" + Subscription + "}",
        [("ListDeliveries", 200)] = "{\"deliveries\":[" + DeadLetter + "],\"nextBefore\":null}",
        [("ListDeadLetters", 200)] = "{\"deliveries\":[" + DeadLetter + "],\"nextBefore\":null}",
        // A replay sends the same delivery again (Wolverine's dead letter back in the queue, fresh attempts); its log goes on.
        [("ReplayDeadLetter", 202)] = DeadLetter.Replace("\"state\":\"dead\"", "\"state\":\"pending\"")
            .Replace("\"nextAttemptAt\":null", "\"nextAttemptAt\":\"2026-11-30T08:00:00Z\"")
            .Replace("\"completedAt\":\"2026-11-30T06:12:44Z\"", "\"completedAt\":null"),
    };

    public static JsonNode? For(string? operationId, int status) =>
        operationId is not null && Json.TryGetValue((operationId, status), out var json) ? JsonNode.Parse(json) : null;
}
