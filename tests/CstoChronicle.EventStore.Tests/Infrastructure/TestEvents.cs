namespace CstoChronicle.EventStore.Tests.Infrastructure;

public static class TestEvents
{
    public static NewEvent New(string type = "SomethingHappened", string? data = null) =>
        new(Guid.NewGuid(), type, data ?? $$"""{"n":"{{Guid.NewGuid():N}}"}""", new EventMetadata(RecordedBy: "tests", Reason: "testing"));

    public static NewEvent[] Many(int count, string type = "SomethingHappened") =>
        Enumerable.Range(0, count).Select(_ => New(type)).ToArray();

    public static string StreamId(string prefix = "s") => $"{prefix}-{Guid.NewGuid():N}";

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source) list.Add(item);
        return list;
    }
}
