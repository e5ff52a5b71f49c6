using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Queries;
using CstoChronicle.Domain.Writing;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Projections;

/// <summary>
/// A correction and a retraction recorded over the real dataset: a query at a knownAt before them gives the old
/// answer, after them the new one, and the history keeps both.
/// </summary>
public class CorrectionTests(CorrectedDatasetFixture db) : IClassFixture<CorrectedDatasetFixture>
{
    private Guid BelarusAccession => db.Data.Id("blr-joined-treaty-1993");
    private Guid KazakhstanChair2018 => db.Data.Id("chair-kaz-2017-11-30");
    private WriteOutcome.Written Correction => db.Correction;
    private WriteOutcome.Written Retraction => db.Retraction;
    private DateTimeOffset BeforeCorrection => db.BeforeCorrection;
    private DateTimeOffset AfterCorrection => db.AfterCorrection;
    private DateTimeOffset BeforeRetraction => db.AfterCorrection;

    [Fact]
    public async Task Members_at_a_knownAt_before_theCorrection_give_the_old_answer_and_after_it_the_new_one()
    {
        var before = await db.Chronicle.Queries.MembersAsync(Day("1993-06-01"), BeforeCorrection);
        var after = await db.Chronicle.Queries.MembersAsync(Day("1993-06-01"), AfterCorrection);

        before.Members.Single(m => m.State == "BLR").Certainty.ShouldBe(Certainty.Possible);
        after.Members.ShouldNotContain(m => m.State == "BLR");
        before.Basis.KnownAt.ShouldBe(BeforeCorrection);
    }

    [Fact]
    public async Task The_corrected_answer_rests_on_the_fact_and_itsCorrection()
    {
        var belarus = (await db.Chronicle.Queries.MembersAsync(Day("1994-01-01"))).Members.Single(m => m.State == "BLR");

        belarus.Since.Text.ShouldBe("1993-12-31");
        belarus.Certainty.ShouldBe(Certainty.Certain);
        belarus.EventIds.ShouldBe([BelarusAccession, Correction.EventId]);
    }

    [Fact]
    public async Task The_event_shows_itsCorrection_only_from_theCorrection_on()
    {
        var now = (await db.Chronicle.Queries.EventAsync(BelarusAccession)).ShouldNotBeNull().Event;
        var then = (await db.Chronicle.Queries.EventAsync(BelarusAccession, BeforeCorrection)).ShouldNotBeNull().Event;

        now.SupersededBy.ShouldBe(Correction.EventId);
        now.On.ShouldNotBeNull().Text.ShouldBe("1993");
        then.SupersededBy.ShouldBeNull();
    }

    [Fact]
    public async Task The_history_of_the_entity_shows_the_fact_and_itsCorrection_with_its_reason()
    {
        var history = await db.Chronicle.Queries.EntityHistoryAsync("BLR");

        history.Events.Select(e => e.EventId).ShouldBe([BelarusAccession, Correction.EventId]);
        var correction = history.Events[1];
        correction.Type.ShouldBe(nameof(EventCorrected));
        correction.Target.ShouldBe(BelarusAccession);
        correction.Reason.ShouldBe("test: the day of the accession");
        correction.RecordedBy.ShouldBe("editor@test");
        correction.On.ShouldNotBeNull().Text.ShouldBe("1993-12-31");
        correction.Sources.ShouldContain(s => s.SourceId == "csto-history" && s.Title != null);

        (await db.Chronicle.Queries.EntityHistoryAsync("BLR", BeforeCorrection)).Events.Select(e => e.EventId).ShouldBe([BelarusAccession]);
    }

    [Fact]
    public async Task The_timeline_shows_the_old_date_before_theCorrection_and_the_new_date_after()
    {
        var before = await db.Chronicle.Queries.TimelineAsync(entity: "BLR", types: [nameof(StateAcceded)], knownAt: BeforeCorrection);
        var after = await db.Chronicle.Queries.TimelineAsync(entity: "BLR", types: [nameof(StateAcceded)], knownAt: AfterCorrection);

        before.Items.ShouldHaveSingleItem().On.Text.ShouldBe("1993");
        var corrected = after.Items.ShouldHaveSingleItem();
        corrected.On.Text.ShouldBe("1993-12-31");
        corrected.EventId.ShouldBe(BelarusAccession);
        corrected.EventIds.ShouldBe([BelarusAccession, Correction.EventId]);
    }

    [Fact]
    public async Task A_retracted_chairmanship_counts_before_itsRetraction_and_not_after()
    {
        // seed-002: "In 2018, Kazakhstan assumed the role of chair"; once retracted, Belarus (from 14 October 2016) chairs on.
        var before = (await db.Chronicle.Queries.ChairmanshipAsync(Day("2018-06-01"), BeforeRetraction)).Chair.ShouldNotBeNull();
        var after = (await db.Chronicle.Queries.ChairmanshipAsync(Day("2018-06-01"))).Chair.ShouldNotBeNull();

        before.State.ShouldBe("KAZ");
        after.State.ShouldBe("BLR");
        after.Certainty.ShouldBe(Certainty.Certain);
        (await db.Chronicle.Queries.EventAsync(KazakhstanChair2018)).ShouldNotBeNull().Event.RetractedBy.ShouldBe(Retraction.EventId);
    }

    [Fact]
    public async Task The_audit_lists_theCorrection_and_theRetraction_with_who_and_why()
    {
        var audit = await db.Chronicle.Queries.AuditAsync(fromRecorded: Correction.RecordedAt);

        audit.Entries.Select(e => e.EventId).ShouldBe([Correction.EventId, Retraction.EventId]);
        audit.Entries.ShouldAllBe(e => e.RecordedBy == "editor@test");
        audit.Entries[1].Reason.ShouldBe("test: withdrawn");
        audit.Entries[1].Target.ShouldBe(KazakhstanChair2018);
    }
}
