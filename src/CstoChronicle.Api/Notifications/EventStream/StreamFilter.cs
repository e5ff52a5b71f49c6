using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Domain.Serialization;
using Microsoft.Extensions.Primitives;

namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>
/// Which events a client wants: event types (the record name, e.g. StateAcceded, or the CloudEvent type
/// org.csto-chronicle.StateAcceded) and entities (stream ids such as RUS or secretary-general). Each
/// parameter takes a comma-separated list or may repeat; empty means all.
/// </summary>
public sealed record StreamFilter(IReadOnlySet<string>? Types, IReadOnlySet<string>? Entities)
{
    public const int MaxValues = 100;
    private const int MaxEntityLength = 200;

    public bool Matches(string type, string streamId) =>
        (Types is null || Types.Contains(type)) && (Entities is null || Entities.Contains(streamId));

    /// <summary>Parses both parameters; on failure returns the parameter at fault and why.</summary>
    public static bool TryParse(StringValues types, StringValues entities, out StreamFilter filter, out (string Parameter, string Message) error)
    {
        filter = new StreamFilter(null, null);
        error = default;
        var typeList = Split(types);
        var entityList = Split(entities);
        if (typeList.Count > MaxValues) { error = ("types", $"at most {MaxValues} types."); return false; }
        if (entityList.Count > MaxValues) { error = ("entities", $"at most {MaxValues} entities."); return false; }

        var typeNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeList)
        {
            var name = type.StartsWith(CloudEventJson.TypePrefix, StringComparison.Ordinal) ? type[CloudEventJson.TypePrefix.Length..] : type;
            if (!EventTypeRegistry.TryGetType(name, out _))
            {
                error = ("types", $"'{type}' is not an event type (e.g. StateAcceded; see the event catalog).");
                return false;
            }
            typeNames.Add(name);
        }
        foreach (var entity in entityList)
        {
            if (entity.Length > MaxEntityLength || entity.Any(char.IsControl))
            {
                error = ("entities", $"'{entity}' is not an entity id.");
                return false;
            }
        }
        filter = new StreamFilter(
            typeNames.Count == 0 ? null : typeNames,
            entityList.Count == 0 ? null : entityList.ToHashSet(StringComparer.Ordinal));
        return true;
    }

    private static List<string> Split(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
}
