using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;

namespace CstoChronicle.Domain.Serialization;

/// <summary>
/// The one JSON shape of the chronicle, in the store and on the wire: camelCase names, historical dates as EDTF
/// strings, enums as camelCase strings, nulls left out (so a missing field reads as null, and validation, not the
/// serializer, says which fields are required). An explicit null in a non-nullable field is an error.
/// </summary>
public static class ChronicleJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// For input that becomes a fact (API requests, the dataset): like <see cref="Options"/>, but an unknown field is an
    /// error, so a typo ("termEnd") is refused instead of silently dropped, and so is a field given twice ("state" and
    /// "State"), which would otherwise silently keep the last. Stored data is read with <see cref="Options"/>.
    /// </summary>
    public static JsonSerializerOptions StrictOptions { get; } = CreateStrict();

    /// <summary>A fresh, mutable copy, for hosts (ASP.NET Core) that configure options of their own.</summary>
    public static JsonSerializerOptions CreateOptions() => new(Options);

    /// <summary>Applies the chronicle's settings to options a host owns.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new HistoricalDateJsonConverter());
        options.TypeInfoResolver = JsonTypeInfoResolver.Combine(options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(LeaveOutStreamIds);
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateStrict()
    {
        var options = new JsonSerializerOptions(Options)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            AllowDuplicateProperties = false,
        };
        options.MakeReadOnly();
        return options;
    }

    // The stream follows from the event's own fields, so storing it in the data as well would only let the two disagree.
    private static void LeaveOutStreamIds(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        if (!typeof(HistoricalEvent).IsAssignableFrom(typeInfo.Type) && typeInfo.Type != typeof(SourceRegistered)) return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            if (typeInfo.Properties[i].Name == "streamId") typeInfo.Properties.RemoveAt(i);
    }
}
