using System.Text.Json.Nodes;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Writing;

/// <summary>
/// The only way facts, sources, corrections and retractions enter the chronicle: each is validated, then appended to
/// its entity's stream at the version it was validated against. A refused write writes nothing.
/// </summary>
public sealed partial class ChronicleWriter
{
    private readonly EventLog _store;
    private readonly EventValidator _validator;
    private readonly StreamAppender _appender;

    public ChronicleWriter(EventLog store, KnownStates? states = null)
    {
        _store = store;
        _validator = new EventValidator(store, states);
        _appender = new StreamAppender(store);
    }

    /// <summary>
    /// Records a historical fact. <paramref name="expectedVersion"/> pins the stream's version (the API's If-Match);
    /// <paramref name="eventId"/> makes a retry idempotent (the dataset's deterministic ids, an Idempotency-Key).
    /// </summary>
    public async Task<WriteOutcome> RecordAsync(HistoricalEvent fact, string recordedBy, ExpectedVersion? expectedVersion = null,
        string? correlationId = null, Guid? eventId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (string.IsNullOrWhiteSpace(recordedBy)) return RecordedByMissing;

        // Fields first: a record built in code may hold nulls its signature forbids, which the serializer would throw on.
        var errors = EventFieldRules.Check(fact, _validator.States);
        if (errors.Count > 0) return new WriteOutcome.Rejected(errors);

        var (type, json) = EventTypeRegistry.Serialize(fact);
        var id = eventId ?? Guid.CreateVersion7();
        if (eventId is not null && await EarlierWriteAsync(id, fact.StreamId, type, json, ct) is { } earlier) return earlier;

        errors = await _validator.CheckSourcesRegisteredAsync(fact.Sources, ct);
        if (errors.Count > 0) return new WriteOutcome.Rejected(errors);

        var newEvent = new NewEvent(id, fact, new EventMetadata(RecordedBy: recordedBy, CorrelationId: correlationId));
        return await _appender.AppendAsync(fact.StreamId, expectedVersion, newEvent,
            history => EventValidator.CheckAgainstStream(fact, history) is { Count: > 0 } streamErrors ? new WriteOutcome.Rejected(streamErrors) : null,
            ct);
    }

    /// <summary>Records a fact sent as JSON data of a named type; a date that does not parse or a misspelt field is a rejection.</summary>
    public async Task<WriteOutcome> RecordAsync(string type, string json, string recordedBy, ExpectedVersion? expectedVersion = null,
        string? correlationId = null, Guid? eventId = null, CancellationToken ct = default)
    {
        var payload = EventPayloadReader.Read(type, json);
        if (!payload.IsValid) return new WriteOutcome.Rejected(payload.Errors);
        return await RecordAsync(payload.Value!, recordedBy, expectedVersion, correlationId, eventId, ct);
    }

    /// <summary>
    /// Registers a source once. Registering the same id with the same content again is an idempotent repeat;
    /// with different content it is refused (a registered source never changes).
    /// </summary>
    public async Task<WriteOutcome> RegisterSourceAsync(Source source, string recordedBy, string? correlationId = null, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(recordedBy)) return RecordedByMissing;
        var errors = SourceRules.Check(source);
        if (errors.Count > 0) return new WriteOutcome.Rejected(errors);

        var registered = new SourceRegistered(source);
        var newEvent = new NewEvent(DeterministicId.ForSourceRegistration(source.Id), registered,
            new EventMetadata(RecordedBy: recordedBy, CorrelationId: correlationId));

        for (var attempt = 0; attempt < 2; attempt++)
        {
            if (await RegisteredAsync(registered.StreamId, ct) is { } existing)
                return existing.Registered.Source == source
                    ? WriteOutcome.Written.From(existing.Recorded, alreadyRecorded: true)
                    : new WriteOutcome.Rejected("id", $"source '{source.Id}' is already registered with other content; a registered source never changes");
            try
            {
                return WriteOutcome.Written.From(await _store.AppendAsync(registered.StreamId, ExpectedVersion.NoStream, newEvent, ct), alreadyRecorded: false);
            }
            catch (WrongExpectedVersionException)
            {
                // Registered concurrently: compare with what won.
            }
        }
        return new WriteOutcome.Rejected("id", $"source '{source.Id}' could not be registered: its stream changed while it was being registered");
    }

    private static WriteOutcome.Rejected RecordedByMissing => new("recordedBy", "is required: who records this");

    private async Task<(SourceRegistered Registered, RecordedEvent Recorded)?> RegisteredAsync(string streamId, CancellationToken ct)
    {
        foreach (var recorded in await _store.ReadStreamAsync(streamId, ct))
            if (EventTypeRegistry.Deserialize(recorded) is SourceRegistered registered)
                return (registered, recorded);
        return null;
    }

    /// <summary>An event id seen before: the same event again is an idempotent repeat, anything else a misuse of the id.</summary>
    private async Task<WriteOutcome?> EarlierWriteAsync(Guid eventId, string streamId, string type, string json, CancellationToken ct)
    {
        var existing = await _store.ReadEventAsync(eventId, ct);
        if (existing is null) return null;
        return existing.StreamId == streamId && existing.Type == type && JsonNode.DeepEquals(JsonNode.Parse(existing.Data), JsonNode.Parse(json))
            ? WriteOutcome.Written.From(existing, alreadyRecorded: true)
            : new WriteOutcome.Rejected("eventId", $"event id {eventId} is already used by a different event ({existing.Type} in stream '{existing.StreamId}')");
    }
}
