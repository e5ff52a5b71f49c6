using System.Globalization;
using System.Text;
using System.Text.Json;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Notifications.CloudEvents;

/// <summary>
/// An event of the store as a CloudEvent 1.0 in the structured JSON format. The same text is sent on the
/// stream and to webhooks: <c>id</c> is the event id, <c>subject</c> its stream (the entity), <c>time</c>
/// its historical date, <c>recordedtime</c> when the store recorded it, <c>sequence</c> its position, and
/// <c>title</c> the one line the timeline shows for it, with names instead of slugs (historical events only).
/// </summary>
public static class CloudEventJson
{
    public const string SpecVersion = "1.0";
    public const string TypePrefix = "org.csto-chronicle.";
    public const string MediaType = "application/cloudevents+json";

    /// <summary>Positions zero-padded to 19 digits (any long): the sequence extension must order as text.</summary>
    public static string Sequence(long position) => position.ToString("D19", CultureInfo.InvariantCulture);

    public static string TypeOf(string eventType) => TypePrefix + eventType;

    public static string Write(RecordedEvent e, string source)
    {
        using var data = JsonDocument.Parse(e.Data);
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("specversion", SpecVersion);
            json.WriteString("id", e.EventId.ToString());
            json.WriteString("source", source);
            json.WriteString("type", TypeOf(e.Type));
            json.WriteString("subject", e.StreamId);
            if (TimelineEntry.TitleOf(e.Type, e.Data) is { } title) json.WriteString("title", title);
            var historical = HistoricalTime.FromEventData(data.RootElement);
            if (historical?.Time is { } time) json.WriteString("time", Rfc3339(time));
            if (historical is not null) json.WriteString("historicaldate", historical.Edtf);
            json.WriteString("recordedtime", Rfc3339(e.RecordedAt));
            json.WriteString("sequence", Sequence(e.Position));
            json.WriteString("datacontenttype", "application/json");
            json.WritePropertyName("data");
            data.RootElement.WriteTo(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
