using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Domain.Validation;

/// <summary>
/// Reads a historical fact sent as JSON (by the API, from the dataset) into its record, turning every way the JSON
/// can fail to fit (an unparseable date, a missing field, a misspelt one) into field errors.
/// </summary>
public static class EventPayloadReader
{
    public static PayloadResult<HistoricalEvent> Read(string? typeName, string json)
    {
        if (string.IsNullOrWhiteSpace(typeName))
            return PayloadResult<HistoricalEvent>.Failed(new ValidationError("type", "is required: the event type, e.g. StateAcceded"));
        if (!EventTypeRegistry.TryGetType(typeName, out var type))
            return PayloadResult<HistoricalEvent>.Failed(new ValidationError("type",
                $"'{typeName}' is not an event type; known types: {string.Join(", ", EventTypeRegistry.HistoricalTypeNames)}"));
        if (!type.IsSubclassOf(typeof(HistoricalEvent)))
            return PayloadResult<HistoricalEvent>.Failed(new ValidationError("type",
                $"a {typeName} is not a historical fact: sources, corrections and retractions have their own requests"));
        return Read(type, json);
    }

    public static PayloadResult<HistoricalEvent> Read(Type type, string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type, ChronicleJson.StrictOptions) is HistoricalEvent fact
                ? PayloadResult<HistoricalEvent>.Ok(fact)
                : PayloadResult<HistoricalEvent>.Failed(new ValidationError("", $"a {type.Name} is required, not null"));
        }
        catch (JsonException e)
        {
            return PayloadResult<HistoricalEvent>.Failed(JsonErrorTranslator.Translate(e, type));
        }
    }

    /// <summary>An absent element (a request without the field) is a missing fact, not a reason to throw.</summary>
    public static PayloadResult<HistoricalEvent> Read(Type type, JsonElement data) =>
        data.ValueKind == JsonValueKind.Undefined
            ? PayloadResult<HistoricalEvent>.Failed(new ValidationError("", $"a {type.Name} is required"))
            : Read(type, data.GetRawText());
}

/// <summary>Either a value read from JSON or the field errors that stopped it.</summary>
public sealed record PayloadResult<T>(T? Value, IReadOnlyList<ValidationError> Errors) where T : class
{
    public bool IsValid => Value is not null && Errors.Count == 0;
    public static PayloadResult<T> Ok(T value) => new(value, []);
    public static PayloadResult<T> Failed(params ValidationError[] errors) => new(null, errors);
}
