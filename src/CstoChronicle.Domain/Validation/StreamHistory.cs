using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// One entity's stream folded as the chronicle reads it: every fact in its latest corrected form, retracted facts
/// marked. Validation decides on this, so a correction or a retraction changes what later writes are checked against.
/// </summary>
public sealed class StreamHistory
{
    private readonly List<StreamFact> _facts;
    private readonly Dictionary<Guid, RecordedEvent> _recorded;

    private StreamHistory(string streamId, long version, List<StreamFact> facts, Dictionary<Guid, RecordedEvent> recorded)
    {
        StreamId = streamId;
        Version = version;
        _facts = facts;
        _recorded = recorded;
    }

    public string StreamId { get; }

    /// <summary>The stream's version when it was read (0: no stream); the write appends at exactly this version.</summary>
    public long Version { get; }

    public IReadOnlyList<StreamFact> Facts => _facts;

    public StreamFact? Find(Guid eventId) => _facts.Find(f => f.EventId == eventId);

    /// <summary>Any event of the stream (facts, corrections, retractions) as stored.</summary>
    public RecordedEvent? FindRecorded(Guid eventId) => _recorded.GetValueOrDefault(eventId);

    /// <summary>The facts a new claim is checked against: not retracted, not deprecated, and not the one being replaced.</summary>
    public IReadOnlyList<HistoricalEvent> Standing(Guid? excluding = null) =>
        _facts.Where(f => f.RetractedBy is null && f.EventId != excluding && f.Current.Rank != Sources.ClaimRank.Deprecated)
            .Select(f => f.Current).ToList();

    public static StreamHistory Empty(string streamId) => new(streamId, 0, [], []);

    public static async Task<StreamHistory> ReadAsync(EventLog log, string streamId, CancellationToken ct = default)
    {
        var facts = new List<StreamFact>();
        var all = new Dictionary<Guid, RecordedEvent>();
        long version = 0;
        foreach (var recorded in await log.ReadStreamAsync(streamId, ct))
        {
            version = recorded.Version;
            all[recorded.EventId] = recorded;
            if (!EventTypeRegistry.TryGetType(recorded.Type, out _)) continue;
            switch (EventTypeRegistry.Deserialize(recorded))
            {
                case HistoricalEvent fact:
                    facts.Add(new StreamFact(recorded.EventId, recorded.Type, fact, fact, null, null));
                    break;
                case EventCorrected corrected when IndexOf(facts, corrected.Target) is var i and >= 0:
                    facts[i] = facts[i] with { Current = Replacement(facts[i], corrected.Replacement), CorrectedBy = recorded.EventId };
                    break;
                case EventRetracted retracted when IndexOf(facts, retracted.Target) is var i and >= 0:
                    facts[i] = facts[i] with { RetractedBy = recorded.EventId };
                    break;
            }
        }
        return new StreamHistory(streamId, version, facts, all);
    }

    private static int IndexOf(List<StreamFact> facts, Guid eventId) => facts.FindIndex(f => f.EventId == eventId);

    private static HistoricalEvent Replacement(StreamFact target, JsonElement replacement) =>
        (HistoricalEvent)EventTypeRegistry.Deserialize(target.Type, replacement);
}

/// <summary>A fact of a stream: as first recorded, as it stands after corrections, and what corrected or retracted it last.</summary>
public sealed record StreamFact(Guid EventId, string Type, HistoricalEvent Original, HistoricalEvent Current, Guid? CorrectedBy, Guid? RetractedBy);
