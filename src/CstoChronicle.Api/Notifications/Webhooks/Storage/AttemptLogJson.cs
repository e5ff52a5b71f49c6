using System.Text.Json;

namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>Reads the attempts that the log query aggregates as JSON beside each delivery.</summary>
internal static class AttemptLogJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<DeliveryAttempt> Parse(string json) =>
        JsonSerializer.Deserialize<List<DeliveryAttempt>>(json, Options) ?? [];
}
