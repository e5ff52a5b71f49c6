using System.Text.Json;
using System.Text.Json.Serialization;

namespace CstoChronicle.Domain.Dates;

/// <summary>A historical date travels as its EDTF string.</summary>
public sealed class HistoricalDateJsonConverter : JsonConverter<HistoricalDate>
{
    public override HistoricalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new JsonException("A historical date is an EDTF string such as \"1992-05-15\", \"2016-10\" or \"2006~\".");
        var text = reader.GetString();
        return HistoricalDate.TryParse(text, out var date, out var error) ? date : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, HistoricalDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Text);

    public override HistoricalDate ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return HistoricalDate.TryParse(text, out var date, out var error) ? date : throw new JsonException(error);
    }

    public override void WriteAsPropertyName(Utf8JsonWriter writer, HistoricalDate value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value.Text);
}
