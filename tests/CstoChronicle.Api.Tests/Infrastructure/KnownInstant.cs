namespace CstoChronicle.Api.Tests.Infrastructure;

/// <summary>
/// knownAt resolves through Marten's high-water mark (decision 0004): a write is known to knownAt queries once the
/// mark has passed it. This waits for that and answers an instant at which the event was known.
/// </summary>
public static class KnownInstant
{
    public static async Task<string> OfAsync(HttpClient client, string? eventId)
    {
        var instant = "";
        await Eventually.HoldsAsync(async () =>
        {
            instant = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'");
            return (await client.GetAsync($"/api/v1/events/{eventId}?knownAt={instant}")).IsSuccessStatusCode;
        }, $"event {eventId} to be known through the high-water mark");
        return instant;
    }
}
