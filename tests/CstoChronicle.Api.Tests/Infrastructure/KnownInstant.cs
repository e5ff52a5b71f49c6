namespace CstoChronicle.Api.Tests.Infrastructure;

/// <summary>
/// knownAt resolves through Marten's high-water mark (decision 0004): a write is known to knownAt queries once the
/// mark has passed it. This waits for that and answers an instant at which the event was known.
/// </summary>
public static class KnownInstant
{
    /// <summary>An instant as a knownAt parameter: UTC, to the 100 ns the clock gives.</summary>
    public static string Text(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<string> OfAsync(HttpClient client, string? eventId)
    {
        var instant = "";
        await Eventually.HoldsAsync(async () =>
        {
            instant = Text(DateTimeOffset.UtcNow);
            return (await client.GetAsync($"/api/v1/events/{eventId}?knownAt={instant}")).IsSuccessStatusCode;
        }, $"event {eventId} to be known through the high-water mark");
        return instant;
    }

    /// <summary>An instant at which everything stored so far was known: the answer at it reads at the head of the log.</summary>
    public static async Task<DateTimeOffset> CaughtUpAsync(HttpClient client)
    {
        var instant = DateTimeOffset.UtcNow;
        await Eventually.HoldsAsync(async () =>
        {
            var head = (await client.GetJsonAsync("/api/v1/members")).GetProperty("position").GetInt64();
            instant = DateTimeOffset.UtcNow;
            var known = (await client.GetJsonAsync($"/api/v1/members?knownAt={Text(instant)}")).GetProperty("position").GetInt64();
            return known >= head;
        }, "the high-water mark to reach the head of the log");
        return instant;
    }
}
