using System.Text.Json;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Writing;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Writing;

public class CorrectionTests(WriteSideFixture db) : IClassFixture<WriteSideFixture>
{
    private const string Reason = "the source gives 2 May, not 2 March";

    [Fact]
    public async Task A_correction_is_appended_to_the_fact_stream_and_supersedes_it_there()
    {
        var chronicle = await db.NewChronicleAsync();
        var target = await chronicle.GivenAsync(Appointed("yuri-khachaturov", "2017-03-02"));

        var outcome = await chronicle.Writer.CorrectAsync(target[0], Reason, Cited, Appointed("yuri-khachaturov", "2017-05-02"), TestChronicle.Editor);

        var written = outcome.ShouldBeOfType<WriteOutcome.Written>();
        written.StreamId.ShouldBe(Offices.SecretaryGeneral);
        written.Version.ShouldBe(2);
        var stored = (await chronicle.Log.ReadEventAsync(written.EventId))!;
        stored.Type.ShouldBe(nameof(EventCorrected));
        stored.Metadata.Reason.ShouldBe(Reason);
        stored.Metadata.CausationId.ShouldBe(target[0].ToString());
        EventTypeRegistry.Deserialize(stored).ShouldBeOfType<EventCorrected>().Target.ShouldBe(target[0]);

        var history = await StreamHistory.ReadAsync(chronicle.Log, Offices.SecretaryGeneral);
        var fact = history.Find(target[0]).ShouldNotBeNull();
        fact.Original.On.ShouldBe(D("2017-03-02"));
        fact.Current.On.ShouldBe(D("2017-05-02"));
        fact.CorrectedBy.ShouldBe(written.EventId);
    }

    [Fact]
    public async Task A_replacement_is_checked_against_the_stream_without_the_fact_it_replaces()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Appointed("stanislav-zas", "2020-01-01"), Appointed("imangali-tasmagambetov", "2023-01-01"));

        // Moving Zas's start by a day must not clash with Zas himself.
        var moved = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, Appointed("stanislav-zas", "2020-01-02"), TestChronicle.Editor);
        // Giving him a term that runs into his successor's must clash with the successor.
        var overlapping = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited,
            Appointed("stanislav-zas", "2020-01-01", termEnds: "2023-12-31"), TestChronicle.Editor, ExpectedVersion.Exact(3));

        moved.ShouldBeOfType<WriteOutcome.Written>();
        overlapping.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == "replacement.termEnds");
    }

    [Fact]
    public async Task A_corrected_fact_is_amended_again_only_by_an_editor_who_names_the_version_read()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Appointed("yuri-khachaturov", "2017-03-02"));
        var first = (await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, Appointed("yuri-khachaturov", "2017-05-02"), TestChronicle.Editor))
            .ShouldBeOfType<WriteOutcome.Written>();

        var blindCorrection = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, Appointed("yuri-khachaturov", "2017-05-03"), TestChronicle.Editor);
        var blindRetraction = await chronicle.Writer.RetractAsync(ids[0], "no source", Cited, TestChronicle.Editor, ExpectedVersion.Any);

        blindCorrection.ShouldBe(new WriteOutcome.FactAmended(Offices.SecretaryGeneral, ids[0], first.EventId, 2));
        blindRetraction.ShouldBe(new WriteOutcome.FactAmended(Offices.SecretaryGeneral, ids[0], first.EventId, 2));
        (await StreamHistory.ReadAsync(chronicle.Log, Offices.SecretaryGeneral)).Version.ShouldBe(2);

        var informed = await chronicle.Writer.RetractAsync(ids[0], "no source", Cited, TestChronicle.Editor, ExpectedVersion.Exact(2));
        informed.ShouldBeOfType<WriteOutcome.Written>().Version.ShouldBe(3);
    }

    [Fact]
    public async Task Of_concurrent_corrections_without_a_version_one_is_written_and_the_others_learn_they_were_overtaken()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Appointed("yuri-khachaturov", "2017-03-02"));

        var outcomes = await Task.WhenAll(Enumerable.Range(1, 3).Select(day =>
            chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, Appointed("yuri-khachaturov", $"2017-05-0{day}"), TestChronicle.Editor)));

        var written = outcomes.OfType<WriteOutcome.Written>().ShouldHaveSingleItem();
        outcomes.OfType<WriteOutcome.FactAmended>().Count().ShouldBe(2);
        outcomes.OfType<WriteOutcome.FactAmended>().ShouldAllBe(o => o.AmendedBy == written.EventId && o.Actual == 2);
        (await StreamHistory.ReadAsync(chronicle.Log, Offices.SecretaryGeneral)).Version.ShouldBe(2);
    }

    [Fact]
    public async Task Later_writes_are_checked_against_the_corrected_fact()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("UZB", "2006-08-16"));
        await chronicle.Writer.CorrectAsync(ids[0], "it was 1992", Cited, Acceded("UZB", "1992-05-15"), TestChronicle.Editor);

        var outcome = await chronicle.Writer.RecordAsync(Withdrew("UZB", "1999-04-21"), TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Written>();
    }

    public static TheoryData<string, string, string> BrokenReplacements => new()
    {
        { """{"personId":"yuri-khachaturov","name":"Yuri Khachaturov","state":"ARM","on":"2017-5-02","sources":[{"sourceId":"test-source"}]}""", "replacement.on", "write 2017-05-02" },
        { """{"personId":"yuri-khachaturov","name":"Yuri Khachaturov","state":"XXX","on":"2017-05-02","sources":[{"sourceId":"test-source"}]}""", "replacement.state", "not a known state code" },
        { """{"personId":"yuri-khachaturov","name":"Yuri Khachaturov","state":"ARM","on":"2017-05-02","sources":[{"sourceId":"unregistered"}]}""", "replacement.sources[0].sourceId", "not registered" },
        // Fields of a StateAcceded are not an appointment: the replacement is read as the target's type.
        { """{"state":"ARM","basis":"accession","on":"2017-05-02","sources":[{"sourceId":"test-source"}]}""", "replacement.basis", "is not a field of a SecretaryGeneralAppointed" },
    };

    [Theory]
    [MemberData(nameof(BrokenReplacements))]
    public async Task A_replacement_is_validated_as_a_fact_of_the_target_type(string replacement, string field, string says)
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Appointed("yuri-khachaturov", "2017-03-02"));
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, JsonDocument.Parse(replacement).RootElement, TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == field && e.Message.Contains(says));
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_replacement_cannot_move_the_fact_to_another_entity()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("ARM", "1992-05-15"));

        var outcome = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, Acceded("KAZ", "1992-05-15"), TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == "replacement" && e.Message.Contains("retract it"));
    }

    [Fact]
    public async Task A_replacement_of_another_type_is_refused_even_when_its_fields_would_fit()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("UZB", "1992-05-15"), Suspended("UZB", "2012-12-19"));
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.CorrectAsync(ids[1], Reason, Cited, Withdrew("UZB", "2012-12-19"), TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("replacement"), e => e.Message.ShouldContain("record a StateWithdrew instead"));
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_correction_without_replacement_data_is_refused_not_thrown()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("ARM", "1992-05-15"));
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, default(JsonElement), TestChronicle.Editor);

        outcome.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == "replacement" && e.Message.Contains("is required"));
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task A_retraction_marks_the_fact_withdrawn_and_later_writes_ignore_it()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("GEO", "1993"));

        var retraction = await chronicle.Writer.RetractAsync(ids[0], "no source confirms it", Cited, TestChronicle.Editor);
        var withdrawal = await chronicle.Writer.RecordAsync(Withdrew("GEO", "1999-04-21"), TestChronicle.Editor);

        var written = retraction.ShouldBeOfType<WriteOutcome.Written>();
        written.StreamId.ShouldBe("GEO");
        (await chronicle.Log.ReadEventAsync(written.EventId))!.Type.ShouldBe(nameof(EventRetracted));
        (await StreamHistory.ReadAsync(chronicle.Log, "GEO")).Find(ids[0])!.RetractedBy.ShouldBe(written.EventId);
        withdrawal.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == "state");
    }

    [Fact]
    public async Task A_retracted_fact_cannot_be_corrected_or_retracted_again()
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("GEO", "1993"));
        await chronicle.Writer.RetractAsync(ids[0], "no source confirms it", Cited, TestChronicle.Editor);
        var head = await chronicle.HeadAsync();

        var correction = await chronicle.Writer.CorrectAsync(ids[0], Reason, Cited, Acceded("GEO", "1993-12-09"), TestChronicle.Editor);
        var retraction = await chronicle.Writer.RetractAsync(ids[0], "again", Cited, TestChronicle.Editor);

        correction.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            e => e.Field.ShouldBe("target"), e => e.Message.ShouldContain("was retracted"));
        retraction.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().Message.ShouldContain("already retracted");
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task Correcting_or_retracting_an_unknown_event_finds_no_target()
    {
        var chronicle = await db.NewChronicleAsync();
        var missing = Guid.NewGuid();

        (await chronicle.Writer.CorrectAsync(missing, Reason, Cited, Acceded("ARM", "1992"), TestChronicle.Editor))
            .ShouldBe(new WriteOutcome.TargetNotFound(missing));
        (await chronicle.Writer.RetractAsync(missing, Reason, Cited, TestChronicle.Editor))
            .ShouldBe(new WriteOutcome.TargetNotFound(missing));
    }

    [Fact]
    public async Task A_registered_source_is_not_a_fact_to_correct_or_retract()
    {
        var chronicle = await db.NewChronicleAsync();
        var source = DeterministicId.ForSourceRegistration(TestChronicle.SourceId);

        (await chronicle.Writer.RetractAsync(source, Reason, Cited, TestChronicle.Editor))
            .ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldHaveSingleItem().Field.ShouldBe("target");
    }

    public static TheoryData<string, string> MissingJustification => new()
    {
        { "", "reason" },
        { "no sources", "sources" },
        { "unregistered source", "sources[0].sourceId" },
    };

    [Theory]
    [MemberData(nameof(MissingJustification))]
    public async Task Corrections_and_retractions_need_a_reason_and_registered_sources(string reason, string field)
    {
        var chronicle = await db.NewChronicleAsync();
        var ids = await chronicle.GivenAsync(Acceded("ARM", "1992-05-15"));
        Citation[] sources = reason switch { "no sources" => [], "unregistered source" => [new Citation("unregistered")], _ => Cited };
        var head = await chronicle.HeadAsync();

        var correction = await chronicle.Writer.CorrectAsync(ids[0], reason, sources, Acceded("ARM", "1992-05-16"), TestChronicle.Editor);
        var retraction = await chronicle.Writer.RetractAsync(ids[0], reason, sources, TestChronicle.Editor);

        correction.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == field);
        retraction.ShouldBeOfType<WriteOutcome.Rejected>().Errors.ShouldContain(e => e.Field == field);
        (await chronicle.HeadAsync()).ShouldBe(head);
    }
}
