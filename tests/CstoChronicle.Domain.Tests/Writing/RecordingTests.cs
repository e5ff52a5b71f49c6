using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Writing;
using CstoChronicle.Domain.Store;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Writing;

public class RecordingTests(WriteSideFixture db) : IClassFixture<WriteSideFixture>
{
    [Fact]
    public async Task A_fact_is_appended_to_its_entity_stream_under_its_record_name_with_who_recorded_it()
    {
        var chronicle = await db.NewChronicleAsync();

        var outcome = await chronicle.Writer.RecordAsync(Acceded("ARM", "1992-05-15"), "editor@example.org", correlationId: "req-1");

        var written = outcome.ShouldBeOfType<WriteOutcome.Written>();
        written.StreamId.ShouldBe("ARM");
        written.Version.ShouldBe(1);
        written.AlreadyRecorded.ShouldBeFalse();
        var stored = (await chronicle.Log.ReadEventAsync(written.EventId)).ShouldNotBeNull();
        stored.Position.ShouldBe(written.Position);
        stored.RecordedAt.ShouldBe(written.RecordedAt);
        stored.Type.ShouldBe("StateAcceded");
        stored.Metadata.RecordedBy.ShouldBe("editor@example.org");
        stored.Metadata.CorrelationId.ShouldBe("req-1");
        EventTypeRegistry.Deserialize(stored).ShouldBeOfType<StateAcceded>().On.ShouldBe(D("1992-05-15"));
    }

    [Fact]
    public async Task A_fact_sent_as_JSON_is_recorded_as_its_record()
    {
        var chronicle = await db.NewChronicleAsync();

        var outcome = await chronicle.Writer.RecordAsync("ChairmanshipAssumed",
            """{"state":"KAZ","on":"2018","sources":[{"sourceId":"test-source","quote":"Kazakhstan chairs"}],"note":"year only"}""", TestChronicle.Editor);

        var written = outcome.ShouldBeOfType<WriteOutcome.Written>();
        written.StreamId.ShouldBe(ChairmanshipAssumed.Stream);
        var stored = EventTypeRegistry.Deserialize((await chronicle.Log.ReadEventAsync(written.EventId))!).ShouldBeOfType<ChairmanshipAssumed>();
        stored.Note.ShouldBe("year only");
    }

    [Theory]
    [InlineData("""{"state":"KAZ","state":"RUS","on":"2018","sources":[{"sourceId":"test-source"}]}""")]
    [InlineData("""{"state":"KAZ","State":"RUS","on":"2018","sources":[{"sourceId":"test-source"}]}""")]
    public async Task A_field_sent_twice_is_refused_rather_than_one_of_its_values_kept(string json)
    {
        var chronicle = await db.NewChronicleAsync();
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.RecordAsync("ChairmanshipAssumed", json, TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().Message.ShouldContain("uplicate");
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_write_against_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        var chronicle = await db.NewChronicleAsync();
        await chronicle.GivenAsync(Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999-04-21"));
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.RecordAsync(Acceded("UZB", "2006-08-16"), TestChronicle.Editor, ExpectedVersion.Exact(1));

        outcome.ShouldBe(new WriteOutcome.VersionConflict("UZB", ExpectedVersion.Exact(1), 2));
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_write_at_the_current_version_is_appended_after_it()
    {
        var chronicle = await db.NewChronicleAsync();
        await chronicle.GivenAsync(Acceded("UZB", "1992-05-15"));

        var outcome = await chronicle.Writer.RecordAsync(Withdrew("UZB", "1999-04-21"), TestChronicle.Editor, ExpectedVersion.Exact(1));

        outcome.ShouldBeOfType<WriteOutcome.Written>().Version.ShouldBe(2);
    }

    [Fact]
    public async Task Expecting_no_stream_where_one_exists_is_a_conflict()
    {
        var chronicle = await db.NewChronicleAsync();
        await chronicle.GivenAsync(Acceded("UZB", "1992-05-15"));

        var outcome = await chronicle.Writer.RecordAsync(Acceded("UZB", "2006"), TestChronicle.Editor, ExpectedVersion.NoStream);

        outcome.ShouldBe(new WriteOutcome.VersionConflict("UZB", ExpectedVersion.NoStream, 1));
    }

    [Fact]
    public async Task Recording_the_same_event_id_again_is_an_idempotent_repeat()
    {
        var chronicle = await db.NewChronicleAsync();
        var id = Guid.NewGuid();
        var first = (await chronicle.Writer.RecordAsync(Appointed("stanislav-zas", "2020-01-01"), TestChronicle.Editor, eventId: id))
            .ShouldBeOfType<WriteOutcome.Written>();

        // The same appointment again would clash with itself as a second holder: the id makes it a repeat instead.
        var again = await chronicle.Writer.RecordAsync(Appointed("stanislav-zas", "2020-01-01"), TestChronicle.Editor, eventId: id);

        again.ShouldBe(first with { AlreadyRecorded = true });
        (await chronicle.StreamAsync(Offices.SecretaryGeneral)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Reusing_an_event_id_for_another_fact_is_refused()
    {
        var chronicle = await db.NewChronicleAsync();
        var id = Guid.NewGuid();
        await chronicle.Writer.RecordAsync(Acceded("ARM", "1992-05-15"), TestChronicle.Editor, eventId: id);
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.RecordAsync(Acceded("KAZ", "1992-05-15"), TestChronicle.Editor, eventId: id);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().Field.ShouldBe("eventId");
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_record_built_in_code_with_nulls_is_refused_not_thrown()
    {
        var chronicle = await db.NewChronicleAsync();

        var outcome = await chronicle.Writer.RecordAsync(new StateAcceded("ARM", null!, null!), TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.Select(e => e.Field).ShouldBe(["on", "sources"], ignoreOrder: true);
        (await chronicle.HeadAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_write_without_who_records_it_is_refused()
    {
        var chronicle = await db.NewChronicleAsync();

        var outcome = await chronicle.Writer.RecordAsync(Acceded("ARM", "1992-05-15"), " ");

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().Field.ShouldBe("recordedBy");
    }

    [Fact]
    public async Task Two_editors_naming_different_Secretaries_General_for_the_same_day_at_once_get_one_written_and_one_refused()
    {
        var chronicle = await db.NewChronicleAsync();
        var stored = await chronicle.EventCountAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => chronicle.Writer.RecordAsync(Appointed($"holder-{i}", "2020-01-01"), TestChronicle.Editor))));

        outcomes.OfType<WriteOutcome.Written>().Count().ShouldBe(1);
        outcomes.OfType<WriteOutcome.Rejected>().Count().ShouldBe(5);
        // The losers' rolled-back appends may leave holes in the positions: count the events, not the head.
        (await chronicle.EventCountAsync()).ShouldBe(stored + 1);
    }
}
