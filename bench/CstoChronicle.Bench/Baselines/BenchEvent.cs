using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Bench.Baselines;

/// <summary>
/// A synthetic event of a realistic size, the same for the store and its baseline: the store appends the record
/// (<see cref="Event"/>, a session of a synthetic body), the baseline inserts its JSON (<see cref="Data"/>) as it is stored.
/// </summary>
public sealed record BenchEvent(string StreamId, long Version, Guid EventId, HistoricalEvent Event, string Type, string Data, string Metadata)
{
    private static readonly IReadOnlyList<Citation> Cited =
        [new("seed-000", Locator: "para 13", Quote: "In October 2016, as a result of the active work of Kazakhstan's delegation")];

    private const string MetadataJson = """{"recordedBy":"bench","correlationId":"bench-run"}""";

    public static BenchEvent Create(string streamId, long version)
    {
        var e = new SessionHeld(streamId, HistoricalDate.Parse("2016-10"), Cited, Place: "Synthetic City", Title: $"Session {version}");
        var (type, json) = EventTypeRegistry.Serialize(e);
        // Time-ordered, as ChronicleWriter gives every event it appends without a client's key.
        return new(streamId, version, Guid.CreateVersion7(), e, type, json, MetadataJson);
    }
}
