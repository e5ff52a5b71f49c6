using CstoChronicle.Domain.Queries;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>Event, entity history, audit and sources on the real dataset.</summary>
public class EventQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Fact]
    public async Task An_event_shows_its_date_data_and_resolved_sources_with_their_quotes()
    {
        // membership.json, uzb-membership-suspended-2012-12-19, citing tass-2012-12-19 ("CSTO leaders suspend Uzbekistan's membership").
        var answer = (await db.Chronicle.Queries.EventAsync(db.Data.Id("uzb-membership-suspended-2012-12-19"))).ShouldNotBeNull();

        var e = answer.Event;
        e.Type.ShouldBe("MembershipSuspended");
        e.Entity.ShouldBe("UZB");
        e.On.ShouldNotBeNull().Text.ShouldBe("2012-12-19");
        e.Data.GetProperty("state").GetString().ShouldBe("UZB");
        e.RecordedBy.ShouldBe("dataset-import");
        e.SupersededBy.ShouldBeNull();
        e.RetractedBy.ShouldBeNull();
        e.Position.ShouldBeGreaterThan(0);
        var tass = e.Sources.First(s => s.SourceId == "tass-2012-12-19");
        tass.Title.ShouldBe("CSTO leaders suspend Uzbekistan's membership");
        tass.Url.ShouldBe("http://tass.com/russia/687141");
        tass.Quote.ShouldNotBeNull().ShouldStartWith("The leaders of the member-states of the Collective Security Treaty Organization");
        e.Sources.Select(s => s.SourceId).ShouldBe(["tass-2012-12-19", "tass-2012-12-19", "tass-2012-06-28"]);
    }

    [Fact]
    public async Task An_unknown_event_id_has_no_answer()
    {
        (await db.Chronicle.Queries.EventAsync(Guid.NewGuid())).ShouldBeNull();
    }

    [Fact]
    public async Task The_history_of_Uzbekistan_holds_every_claim_in_recorded_order()
    {
        var answer = await db.Chronicle.Queries.EntityHistoryAsync("UZB");

        answer.Events.Select(e => e.EventId).ShouldBe(new[]
        {
            "uzb-signed-treaty-1992", "uzb-did-not-renew-1999", "uzb-rejoined-2006-06-23", "uzb-rejoined-2006-08-16",
            "uzb-quit-2012-06-28-claim", "uzb-membership-suspended-2012-12-19",
        }.Select(db.Data.Id));
        answer.Events.ShouldAllBe(e => e.Sources.Count > 0);
    }

    [Fact]
    public async Task The_audit_pages_through_what_was_recorded_in_position_order()
    {
        var first = await db.Chronicle.Queries.AuditAsync(entity: "UZB", limit: 4);
        var second = await db.Chronicle.Queries.AuditAsync(entity: "UZB", cursor: first.NextCursor.ShouldNotBeNull(), limit: 4);

        first.Entries.Count.ShouldBe(4);
        second.Entries.Count.ShouldBe(2);
        second.NextCursor.ShouldBeNull();
        first.Entries.Concat(second.Entries).Select(e => e.Position).ShouldBeInOrder();
        first.Entries.ShouldAllBe(e => e.RecordedBy == "dataset-import");
    }

    [Fact]
    public async Task The_audit_of_a_recorded_span_after_everything_is_empty()
    {
        var answer = await db.Chronicle.Queries.AuditAsync(fromRecorded: DateTimeOffset.UtcNow.AddDays(1));

        answer.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_audit_cursor_the_service_did_not_issue_is_refused()
    {
        await Should.ThrowAsync<InvalidCursorException>(() => db.Chronicle.Queries.AuditAsync(cursor: "%%%"));
    }

    [Fact]
    public async Task Every_registered_source_is_listed()
    {
        var answer = await db.Chronicle.Queries.SourcesAsync();

        answer.Sources.Count.ShouldBe(db.Data.Report.Sources);
        answer.Sources.Select(s => s.Id).ShouldContain("seed-000");
    }

    [Fact]
    public async Task A_source_lists_every_event_citing_it()
    {
        // tass-2012-12-19 is cited by the suspension of Uzbekistan (membership.json).
        var answer = (await db.Chronicle.Queries.SourceAsync("tass-2012-12-19")).ShouldNotBeNull();

        answer.Source.Publisher.ShouldBe("TASS (ITAR-TASS)");
        answer.CitedBy.Select(c => c.EventId).ShouldContain(db.Data.Id("uzb-membership-suspended-2012-12-19"));
        answer.CitedBy.ShouldAllBe(c => c.Quote != null);
    }

    [Fact]
    public async Task An_unknown_source_has_no_answer()
    {
        (await db.Chronicle.Queries.SourceAsync("no-such-source")).ShouldBeNull();
    }
}
