using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// The checks of a fact that need the store: that each cited source is registered, and the rules of its entity's
/// stream (membership, the office, lifecycles), decided on that stream alone. Also holds the known state codes.
/// </summary>
public sealed class EventValidator(EventLog log, KnownStates? states = null)
{
    public KnownStates States { get; } = states ?? KnownStates.Default;

    /// <summary>Each cited source must be registered; the fact's own fields are <see cref="EventFieldRules"/>.</summary>
    public async Task<IReadOnlyList<ValidationError>> CheckSourcesRegisteredAsync(IReadOnlyList<Citation> sources, CancellationToken ct = default)
    {
        var errors = new List<ValidationError>();
        var checkedIds = new Dictionary<string, bool>(StringComparer.Ordinal);
        for (var i = 0; i < sources.Count; i++)
        {
            var id = sources[i].SourceId;
            if (!checkedIds.TryGetValue(id, out var registered))
                checkedIds[id] = registered = await log.StreamExistsAsync(SourceRegistered.StreamPrefix + id, ct);
            if (!registered)
                errors.Add(new ValidationError($"sources[{i}].sourceId", $"source '{id}' is not registered: register it before citing it"));
        }
        return errors;
    }

    /// <summary>The stream rules, against the stream's standing facts; <paramref name="replacing"/> is left out (a correction's target).</summary>
    public static IReadOnlyList<ValidationError> CheckAgainstStream(HistoricalEvent fact, StreamHistory history, Guid? replacing = null)
    {
        var standing = history.Standing(replacing);
        return [
            .. MembershipRules.Check(fact, standing),
            .. SecretaryGeneralRules.Check(fact, standing),
            .. LifecycleRules.Check(fact, standing),
        ];
    }
}
