using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CstoChronicle.Api.Http;

/// <summary>Instants on the wire as RFC 3339 in UTC with a Z (2026-11-29T18:22:54.0526948Z), whatever offset they carry in memory.</summary>
public sealed class UtcInstantConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("expected an RFC 3339 instant string such as 2025-01-01T00:00:00Z");
        try
        {
            return PointInTime.ParseInstant("instant", reader.GetString()!);
        }
        catch (ProblemException)
        {
            throw new JsonException("expected an RFC 3339 instant string such as 2025-01-01T00:00:00Z");
        }
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
}
