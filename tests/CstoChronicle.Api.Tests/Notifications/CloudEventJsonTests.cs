using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Tests.Notifications;

public sealed class CloudEventJsonTests
{
    [Theory]
    [InlineData("1992-05-15", "1992-05-15T00:00:00Z")]
    [InlineData("2016-10", "2016-10-01T00:00:00Z")]
    [InlineData("2016", "2016-01-01T00:00:00Z")]
    [InlineData("2006-08~", "2006-08-01T00:00:00Z")]
    [InlineData("2016/2017", "2016-01-01T00:00:00Z")]
    public void Time_is_the_first_day_a_historical_date_may_mean_and_the_date_travels_as_written(string on, string time)
    {
        var cloudEvent = Write($$"""{"state":"KAZ","on":"{{on}}"}""");
        cloudEvent.GetProperty("time").GetString().ShouldBe(time);
        cloudEvent.GetProperty("historicaldate").GetString().ShouldBe(on);
    }

    [Fact]
    public void A_date_with_an_open_start_has_no_time_but_keeps_its_historical_date()
    {
        var cloudEvent = Write("""{"on":"../2016"}""");
        cloudEvent.TryGetProperty("time", out _).ShouldBeFalse();
        cloudEvent.GetProperty("historicaldate").GetString().ShouldBe("../2016");
    }

    [Fact]
    public void An_event_without_a_historical_date_has_neither_attribute()
    {
        var cloudEvent = Write("""{"sourceId":"tass-2002"}""");
        cloudEvent.TryGetProperty("time", out _).ShouldBeFalse();
        cloudEvent.TryGetProperty("historicaldate", out _).ShouldBeFalse();
    }

    [Fact]
    public void A_historical_event_carries_its_title_with_names_and_other_events_none()
    {
        var session = Write("SessionHeld", """{"body":"collective-security-council","on":"2009-02-04","place":"Moscow","title":"Extraordinary session","sources":[{"sourceId":"s","quote":"q"}]}""");
        session.GetProperty("title").GetString().ShouldBe("Extraordinary session of the Collective Security Council in Moscow");

        Write("SourceRegistered", """{"source":{"id":"tass-2002","title":"A title"}}""").TryGetProperty("title", out _).ShouldBeFalse();
    }

    [Fact]
    public void The_sequence_sorts_as_text_in_position_order() =>
        string.CompareOrdinal(CloudEventJson.Sequence(9), CloudEventJson.Sequence(10)).ShouldBeLessThan(0);

    [Fact]
    public void The_sdk_reads_back_every_attribute_and_the_data_as_written()
    {
        var recorded = new RecordedEvent(42, "KAZ", 1, Guid.NewGuid(), "StateAcceded", """{"state":"KAZ","on":"2006-08~","note":"Казахстан <&>"}""",
            EventMetadata.Empty, new DateTimeOffset(2026, 11, 29, 18, 3, 19, TimeSpan.Zero).AddTicks(4123450));
        var text = CloudEventJson.Write(recorded, "urn:csto-chronicle:events");

        var read = new JsonEventFormatter().DecodeStructuredModeMessage(Encoding.UTF8.GetBytes(text), null, CloudEventJson.Extensions);

        read.SpecVersion.ShouldBe(CloudEventsSpecVersion.V1_0);
        read.Id.ShouldBe(recorded.EventId.ToString());
        read.Source.ShouldBe(new Uri("urn:csto-chronicle:events"));
        read.Type.ShouldBe("org.csto-chronicle.StateAcceded");
        read.Subject.ShouldBe("KAZ");
        read.Time.ShouldBe(new DateTimeOffset(2006, 8, 1, 0, 0, 0, TimeSpan.Zero));
        read[CloudEventJson.HistoricalDate].ShouldBe("2006-08~");
        read[CloudEventJson.RecordedTime].ShouldBe("2026-11-29T18:03:19.412345Z");
        read[CloudEventJson.SequenceAttribute].ShouldBe("0000000000000000042");
        read.DataContentType.ShouldBe("application/json");
        ((JsonElement)read.Data!).GetProperty("note").GetString().ShouldBe("Казахстан <&>");
        JsonDocument.Parse(text).RootElement.GetProperty("data").GetProperty("on").GetString().ShouldBe("2006-08~");
    }

    private static JsonElement Write(string data) => Write("StateAcceded", data);

    private static JsonElement Write(string type, string data)
    {
        var recorded = new RecordedEvent(42, "KAZ", 1, Guid.NewGuid(), type, data, EventMetadata.Empty, DateTimeOffset.UtcNow);
        return JsonDocument.Parse(CloudEventJson.Write(recorded, "urn:test")).RootElement.Clone();
    }
}
