using System.Text.Json;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Tests.Serialization;

public class EventTypeRegistryTests
{
    private static readonly Citation[] Cited = [new("tass-2012-12-19", Quote: "decided to suspend")];

    [Fact]
    public void An_event_is_stored_under_its_record_name_as_camelCase_JSON_without_its_stream()
    {
        var suspended = new MembershipSuspended("UZB", HistoricalDate.Parse("2012-12-19"), Cited)
        {
            Rank = ClaimRank.Preferred,
            RankReason = "the formal act",
        };

        var (type, json) = EventTypeRegistry.Serialize(suspended);

        type.ShouldBe("MembershipSuspended");
        json.ShouldBe("""{"state":"UZB","on":"2012-12-19","sources":[{"sourceId":"tass-2012-12-19","quote":"decided to suspend"}],"rank":"preferred","rankReason":"the formal act"}""");
    }

    [Fact]
    public void A_recorded_event_reads_back_as_its_record()
    {
        var appointed = new SecretaryGeneralAppointed("stanislav-zas", "Stanislav Zas", "BLR", HistoricalDate.Parse("2020-01-01"), Cited,
            TermEnds: HistoricalDate.Parse("2022-12-31")) { Note = "from 1 January 2020" };
        var (type, json) = EventTypeRegistry.Serialize(appointed);
        var recorded = new RecordedEvent(7, Offices.SecretaryGeneral, 3, Guid.NewGuid(), type, json, EventMetadata.Empty, DateTimeOffset.UnixEpoch);

        var back = EventTypeRegistry.Deserialize(recorded).ShouldBeOfType<SecretaryGeneralAppointed>();

        back.PersonId.ShouldBe("stanislav-zas");
        back.TermEnds.ShouldBe(HistoricalDate.Parse("2022-12-31"));
        back.Note.ShouldBe("from 1 January 2020");
        back.Sources.ShouldBe(Cited);
        EventTypeRegistry.Serialize(back).Json.ShouldBe(json);
    }

    [Fact]
    public void Every_event_type_is_known_by_its_record_name()
    {
        EventTypeRegistry.HistoricalTypeNames.Count.ShouldBe(24);
        EventTypeRegistry.HistoricalTypeNames.ShouldContain("OfficeHolderAppointed");
        EventTypeRegistry.HistoricalTypeNames.ShouldContain("ActingOfficeHolderDesignated");
        EventTypeRegistry.HistoricalTypeNames.ShouldContain("OfficeTermEnded");
        EventTypeRegistry.TypeNames.ShouldContain("SourceRegistered");
        EventTypeRegistry.TypeNames.ShouldContain("EventCorrected");
        EventTypeRegistry.TypeNames.ShouldContain("EventRetracted");
        EventTypeRegistry.IsHistorical("EventCorrected").ShouldBeFalse();
        foreach (var name in EventTypeRegistry.TypeNames)
        {
            EventTypeRegistry.TryGetType(name, out var type).ShouldBeTrue();
            EventTypeRegistry.NameOf(type).ShouldBe(name);
        }
    }

    [Fact]
    public void A_correction_keeps_its_replacement_as_JSON()
    {
        var replacement = JsonSerializer.SerializeToElement(
            new StateAcceded("UZB", HistoricalDate.Parse("2006-08-16"), Cited), ChronicleJson.Options);
        var corrected = new EventCorrected(Guid.Parse("f04e24d8-108e-5954-874c-b756024e14f3"), "wrong day", Cited, replacement);

        var (type, json) = EventTypeRegistry.Serialize(corrected);
        var back = EventTypeRegistry.Deserialize(type, json).ShouldBeOfType<EventCorrected>();

        back.Replacement.GetProperty("on").GetString().ShouldBe("2006-08-16");
        back.Target.ShouldBe(corrected.Target);
    }

    [Theory]
    [InlineData("NoSuchEvent", """{"state":"UZB"}""", "not a known event type")]
    [InlineData("StateAcceded", """{"state":"UZB","on":"2006-8-16","sources":[]}""", "2006-8-16")]
    [InlineData("StateAcceded", """{"state":null,"on":"2006-08-16","sources":[]}""", "state")]
    [InlineData("MembershipSuspended", """{"state":"UZB","on":"2012","sources":[],"rank":"best"}""", "rank")]
    public void Data_that_does_not_fit_its_type_is_refused(string type, string json, string mentioned)
    {
        var error = Should.Throw<JsonException>(() => EventTypeRegistry.Deserialize(type, json));

        (error.Message + error.Path).ShouldContain(mentioned);
    }
}
