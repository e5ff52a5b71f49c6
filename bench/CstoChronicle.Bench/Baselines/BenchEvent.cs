namespace CstoChronicle.Bench.Baselines;

/// <summary>A synthetic event of a realistic size, the same for the store and its baseline.</summary>
public sealed record BenchEvent(string StreamId, long Version, Guid EventId, string Type, string Data, string Metadata)
{
    private const string Payload =
        """{"state":"KAZ","on":"2016-10","sources":[{"sourceId":"seed-000","locator":"para 13","quote":"In October 2016, as a result of the active work of Kazakhstan's delegation"}],"note":"synthetic benchmark event"}""";

    private const string MetadataJson = """{"recordedBy":"bench","correlationId":"bench-run"}""";

    public static BenchEvent Create(string streamId, long version) =>
        new(streamId, version, Guid.NewGuid(), "StateAcceded", Payload, MetadataJson);
}
