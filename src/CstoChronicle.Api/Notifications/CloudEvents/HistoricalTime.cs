using System.Text.Json;
using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Api.Notifications.CloudEvents;

/// <summary>
/// The historical date of an event as CloudEvents attributes (docs/decisions/0501-cloudevents-time.md):
/// <c>time</c> must be an RFC 3339 instant, so it is the first day the EDTF date may mean, at midnight UTC;
/// the EDTF text exactly as written travels beside it in the <c>historicaldate</c> extension.
/// </summary>
public sealed record HistoricalTime(string Edtf, DateTimeOffset? Time)
{
    /// <summary>Reads the event data's <c>on</c>; null when there is none or it is not an EDTF date.</summary>
    public static HistoricalTime? FromEventData(JsonElement data)
    {
        if (data.ValueKind != JsonValueKind.Object || !data.TryGetProperty("on", out var on) || on.ValueKind != JsonValueKind.String)
            return null;
        var text = on.GetString();
        if (!HistoricalDate.TryParse(text, out var date, out _)) return null;
        DateTimeOffset? time = date.Earliest == DateOnly.MinValue
            ? null
            : new DateTimeOffset(date.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return new HistoricalTime(date.Text, time);
    }
}
