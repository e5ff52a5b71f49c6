using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Writing;

// Corrections and retractions never touch the stored fact: they are appended to the fact's own stream, so reading
// the stream (and any view as of a knownAt) shows the fact before and after.
public sealed partial class ChronicleWriter
{
    /// <summary>
    /// Supersedes a fact with <paramref name="replacement"/>: the full corrected data, of the target's type and entity,
    /// validated as a new fact would be (against the stream without the target). A retracted fact cannot be corrected.
    /// </summary>
    /// <param name="eventId">Makes a retry idempotent (an Idempotency-Key): the same id twice is one correction.</param>
    public Task<WriteOutcome> CorrectAsync(Guid targetEventId, string reason, IReadOnlyList<Citation> sources, JsonElement replacement,
        string recordedBy, ExpectedVersion? expectedVersion = null, string? correlationId = null, CancellationToken ct = default, Guid? eventId = null) =>
        CorrectAsync(targetEventId, reason, sources, replacement, replacementType: null, recordedBy, expectedVersion, correlationId, eventId, ct);

    public async Task<WriteOutcome> CorrectAsync(Guid targetEventId, string reason, IReadOnlyList<Citation> sources, HistoricalEvent replacement,
        string recordedBy, ExpectedVersion? expectedVersion = null, string? correlationId = null, CancellationToken ct = default)
    {
        var fieldErrors = EventFieldRules.Check(replacement, _validator.States);
        if (fieldErrors.Count > 0) return new WriteOutcome.Rejected(fieldErrors.Select(Replacement).ToList());
        var data = JsonSerializer.SerializeToElement(replacement, replacement.GetType(), ChronicleJson.Options);
        return await CorrectAsync(targetEventId, reason, sources, data, replacement.GetType(), recordedBy, expectedVersion, correlationId, null, ct);
    }

    /// <param name="replacementType">The type of a typed replacement; JSON data (null here) is read as the target's type.</param>
    private async Task<WriteOutcome> CorrectAsync(Guid targetEventId, string reason, IReadOnlyList<Citation> sources, JsonElement replacement,
        Type? replacementType, string recordedBy, ExpectedVersion? expectedVersion, string? correlationId, Guid? eventId, CancellationToken ct)
    {
        var errors = CheckAmendment(reason, sources, recordedBy);
        var target = await _store.ReadEventAsync(targetEventId, ct);
        if (target is null) return new WriteOutcome.TargetNotFound(targetEventId);
        if (!EventTypeRegistry.TryGetType(target.Type, out var targetType) || !EventTypeRegistry.IsHistorical(target.Type))
            return new WriteOutcome.Rejected("target", $"event {targetEventId} is a {target.Type}, not a historical fact: only facts can be corrected");
        // Read as the target's type, a record of another type with the same fields (a withdrawal for a suspension) would pass unnoticed.
        if (replacementType is not null && replacementType != targetType)
            return new WriteOutcome.Rejected("replacement", $"event {targetEventId} is a {target.Type}; a correction keeps the fact's type: " +
                $"retract it and record a {replacementType.Name} instead");

        var payload = EventPayloadReader.Read(targetType, replacement);
        var corrected = payload.Value;
        errors.AddRange(payload.Errors.Select(Replacement));
        if (corrected is not null)
        {
            errors.AddRange(EventFieldRules.Check(corrected, _validator.States).Select(Replacement));
            if (corrected.StreamId != target.StreamId)
                errors.Add(new ValidationError("replacement", $"the replacement concerns '{corrected.StreamId}' but the fact belongs to " +
                    $"'{target.StreamId}': retract it and record a new fact instead"));
        }
        if (errors.Count == 0) errors.AddRange(await _validator.CheckSourcesRegisteredAsync(sources, ct));
        if (errors.Count == 0) errors.AddRange((await _validator.CheckSourcesRegisteredAsync(corrected!.Sources, ct)).Select(Replacement));
        if (errors.Count > 0) return new WriteOutcome.Rejected(errors);

        var normalized = JsonSerializer.SerializeToElement(corrected, targetType, ChronicleJson.Options);
        var correction = new EventCorrected(targetEventId, reason, sources, normalized);
        return await _appender.AppendAsync(target.StreamId, expectedVersion, Amendment(correction, targetEventId, reason, recordedBy, correlationId, eventId),
            history =>
            {
                if (history.Find(targetEventId) is { RetractedBy: { } retraction })
                    return new WriteOutcome.Rejected("target", $"event {targetEventId} was retracted (by {retraction}) and cannot be corrected");
                if (Overtaken(history, targetEventId, expectedVersion) is { } overtaken) return overtaken;
                var streamErrors = EventValidator.CheckAgainstStream(corrected!, history, replacing: targetEventId);
                return streamErrors.Count > 0 ? new WriteOutcome.Rejected(streamErrors.Select(Replacement).ToList()) : null;
            }, ct);
    }

    /// <summary>Withdraws a fact: it stays in its stream, marked retracted, with the reason and sources for doing so.</summary>
    public async Task<WriteOutcome> RetractAsync(Guid targetEventId, string reason, IReadOnlyList<Citation> sources,
        string recordedBy, ExpectedVersion? expectedVersion = null, string? correlationId = null, CancellationToken ct = default, Guid? eventId = null)
    {
        var errors = CheckAmendment(reason, sources, recordedBy);
        var target = await _store.ReadEventAsync(targetEventId, ct);
        if (target is null) return new WriteOutcome.TargetNotFound(targetEventId);
        if (!EventTypeRegistry.IsHistorical(target.Type))
            return new WriteOutcome.Rejected("target", $"event {targetEventId} is a {target.Type}, not a historical fact: only facts can be retracted");
        if (errors.Count == 0) errors.AddRange(await _validator.CheckSourcesRegisteredAsync(sources, ct));
        if (errors.Count > 0) return new WriteOutcome.Rejected(errors);

        var retraction = new EventRetracted(targetEventId, reason, sources);
        return await _appender.AppendAsync(target.StreamId, expectedVersion, Amendment(retraction, targetEventId, reason, recordedBy, correlationId, eventId),
            history => history.Find(targetEventId) is { RetractedBy: { } earlier }
                ? new WriteOutcome.Rejected("target", $"event {targetEventId} is already retracted (by {earlier})")
                : Overtaken(history, targetEventId, expectedVersion),
            ct);
    }

    // Without an expected version nothing says which version of the fact the editor read: once the fact has been
    // corrected, a second amendment could silently overwrite the first (docs/decisions/0207).
    private static WriteOutcome? Overtaken(StreamHistory history, Guid targetEventId, ExpectedVersion? expectedVersion) =>
        expectedVersion is null or { IsAny: true } && history.Find(targetEventId) is { CorrectedBy: { } correction }
            ? new WriteOutcome.FactAmended(history.StreamId, targetEventId, correction, history.Version)
            : null;

    private static List<ValidationError> CheckAmendment(string reason, IReadOnlyList<Citation> sources, string recordedBy)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(reason)) errors.Add(new("reason", "is required: why the fact is corrected or retracted"));
        if (string.IsNullOrWhiteSpace(recordedBy)) errors.Add(new("recordedBy", "is required: who records this"));
        errors.AddRange(EventFieldRules.CheckCitations(sources));
        return errors;
    }

    private static NewEvent Amendment(object amendment, Guid target, string reason, string recordedBy, string? correlationId, Guid? eventId)
    {
        return new NewEvent(eventId ?? Guid.CreateVersion7(), amendment,
            new EventMetadata(RecordedBy: recordedBy, CorrelationId: correlationId, CausationId: target.ToString(), Reason: reason));
    }

    private static ValidationError Replacement(ValidationError error) =>
        error with { Field = error.Field.Length == 0 ? "replacement" : "replacement." + error.Field };
}
