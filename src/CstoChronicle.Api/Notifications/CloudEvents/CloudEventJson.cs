using System.Globalization;
using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Notifications.CloudEvents;

/// <summary>
/// An event of the store as a CloudEvent 1.0 in the structured JSON format, written by the CNCF SDK
/// (decision 0504). The same text is sent on the stream and to webhooks: <c>id</c> is the event id,
/// <c>subject</c> its stream (the entity), <c>time</c> its historical date, <c>recordedtime</c> when the store
/// recorded it, <c>sequence</c> its position, and <c>title</c> the one line the timeline shows for it, with
/// names instead of slugs (historical events only).
/// </summary>
public static class CloudEventJson
{
    public const string SpecVersion = "1.0";
    public const string TypePrefix = "org.csto-chronicle.";
    public const string MediaType = "application/cloudevents+json";

    public static readonly CloudEventAttribute Title = CloudEventAttribute.CreateExtension("title", CloudEventAttributeType.String);
    public static readonly CloudEventAttribute HistoricalDate = CloudEventAttribute.CreateExtension("historicaldate", CloudEventAttributeType.String);
    public static readonly CloudEventAttribute RecordedTime = CloudEventAttribute.CreateExtension("recordedtime", CloudEventAttributeType.String);
    public static readonly CloudEventAttribute SequenceAttribute = CloudEventAttribute.CreateExtension("sequence", CloudEventAttributeType.String);

    /// <summary>The extension attributes every event may carry, in the order they are written.</summary>
    public static IReadOnlyList<CloudEventAttribute> Extensions { get; } = [Title, HistoricalDate, RecordedTime, SequenceAttribute];

    private static readonly JsonEventFormatter Formatter = new();

    /// <summary>Positions zero-padded to 19 digits (any long): the sequence extension must order as text.</summary>
    public static string Sequence(long position) => position.ToString("D19", CultureInfo.InvariantCulture);

    public static string TypeOf(string eventType) => TypePrefix + eventType;

    public static string Write(RecordedEvent e, string source)
    {
        using var data = JsonDocument.Parse(e.Data);
        var historical = HistoricalTime.FromEventData(data.RootElement);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, Extensions)
        {
            Id = e.EventId.ToString(),
            Source = new Uri(source, UriKind.RelativeOrAbsolute),
            Type = TypeOf(e.Type),
            Subject = e.StreamId,
            Time = historical?.Time,
            DataContentType = "application/json",
            Data = data.RootElement,
        };
        if (TimelineEntry.TitleOf(e.Type, e.Data) is { } title) cloudEvent[Title] = title;
        if (historical is not null) cloudEvent[HistoricalDate] = historical.Edtf;
        cloudEvent[RecordedTime] = Rfc3339(e.RecordedAt);
        cloudEvent[SequenceAttribute] = Sequence(e.Position);
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }

    private static string Rfc3339(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF'Z'", CultureInfo.InvariantCulture);
}
