using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Sources;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

public class TimelineQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Fact]
    public async Task Appointments_of_Secretaries_General_come_in_historical_order()
    {
        // secretaries-general.json: Bordyuzha 2003, Khachaturov 2017, Zas 2020, Tasmagambetov 2023, Masadykov 2026.
        var answer = await db.Chronicle.Queries.TimelineAsync(types: ["SecretaryGeneralAppointed"]);

        answer.Items.Select(i => i.On.Text).ShouldBe(["2003-04-28", "2017-05-02", "2020-01-01", "2023-01-01", "2026-01-01"]);
        answer.Items[0].Title.ShouldBe("Nikolai Bordyuzha appointed Secretary General");
        answer.Items[0].EventId.ShouldBe(db.Data.Id("bordyuzha-appointed-2003"));
        answer.NextCursor.ShouldBeNull();
    }

    [Fact]
    public async Task Paging_by_cursor_returns_every_event_of_a_range_once_in_order()
    {
        var whole = await db.Chronicle.Queries.TimelineAsync(from: Day("2012-01-01"), to: Day("2013-12-31"), limit: 500);
        var paged = new List<TimelineItem>();
        string? cursor = null;
        do
        {
            var page = await db.Chronicle.Queries.TimelineAsync(from: Day("2012-01-01"), to: Day("2013-12-31"), cursor: cursor, limit: 3);
            page.Items.Count.ShouldBeLessThanOrEqualTo(3);
            paged.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);

        whole.Items.Count.ShouldBeGreaterThan(6);
        paged.Select(i => i.EventId).ShouldBe(whole.Items.Select(i => i.EventId));
        whole.Items.Select(i => i.EventId).ShouldContain(db.Data.Id("uzb-membership-suspended-2012-12-19"));
        whole.Items.Select(i => i.EventId).ShouldContain(db.Data.Id("chair-rus-2013-09-23"));
    }

    [Fact]
    public async Task The_timeline_of_one_entity_lists_every_claim_with_its_rank()
    {
        var answer = await db.Chronicle.Queries.TimelineAsync(entity: "UZB");

        answer.Items.Count.ShouldBe(6);
        answer.Items.ShouldAllBe(i => i.Entity == "UZB");
        answer.Items.Single(i => i.EventId == db.Data.Id("uzb-quit-2012-06-28-claim")).Rank.ShouldBe(ClaimRank.Deprecated);
    }

    [Fact]
    public async Task A_fact_dated_only_by_month_appears_in_a_window_that_starts_inside_that_month()
    {
        // forces-exercises-operations.json: Interaction-2009 is dated "2009-10" (held in October 2009, its days unknown).
        var answer = await db.Chronicle.Queries.TimelineAsync(from: Day("2009-10-20"), to: Day("2009-11-30"));

        var item = answer.Items.Single(i => i.EventId == db.Data.Id("exercise-interaction-2009"));
        item.On.Text.ShouldBe("2009-10");
        answer.Items.ShouldBeInOrder(SortDirection.Ascending, new TimelineOrder());
    }

    [Fact]
    public async Task An_event_known_only_to_have_happened_by_a_later_day_is_possibly_within_a_year_certainly_in_it_if_dated_in_it()
    {
        // bodies.json: the Secretariat existed by 6 October 2007 (../2007-10-06); treaty.json: Uzbekistan's protocol signed 16 August 2006.
        var items = (await db.Chronicle.Queries.TimelineAsync(from: Day("2006-01-01"), to: Day("2006-12-31"), limit: 500)).Items;

        items.Single(i => i.EventId == db.Data.Id("secretariat-exists-2007")).Certainty.ShouldBe(Certainty.Possible);
        items.Single(i => i.EventId == db.Data.Id("uzbekistan-membership-protocol-signed")).Certainty.ShouldBe(Certainty.Certain);
    }

    [Fact]
    public async Task Facts_dated_by_long_or_open_intervals_appear_in_a_window_inside_them()
    {
        // chairmanship.json: Belarus's 2010 chairmanship is dated 2010-12-10/2011-01-01 (taken over some day in that interval);
        // bodies.json: the Secretariat existed by 6 October 2007 (../2007-10-06, an open start): both may fall in late December 2010, resp. June 2006.
        var lateDecember2010 = await db.Chronicle.Queries.TimelineAsync(from: Day("2010-12-20"), to: Day("2010-12-31"));
        var june2006 = await db.Chronicle.Queries.TimelineAsync(from: Day("2006-06-01"), to: Day("2006-06-30"));

        lateDecember2010.Items.Select(i => i.EventId).ShouldContain(db.Data.Id("chair-blr-2010-12-10"));
        june2006.Items.Select(i => i.EventId).ShouldContain(db.Data.Id("secretariat-exists-2007"));
        lateDecember2010.Items.ShouldBeInOrder(SortDirection.Ascending, new TimelineOrder());
    }

    [Fact]
    public async Task Every_window_holds_exactly_the_facts_that_may_fall_in_it_in_order_whatever_the_span_of_their_dates()
    {
        // Day, month, year, interval and open-ended dates each come from their own part of the query (decision 0106):
        // windows across the whole history, paged, against a filter of the whole timeline.
        var everything = new List<TimelineItem>();
        string? cursor = null;
        do
        {
            var page = await db.Chronicle.Queries.TimelineAsync(cursor: cursor, limit: ChronicleQueries.MaxPageSize);
            everything.AddRange(page.Items);
            cursor = page.NextCursor;
        } while (cursor is not null);
        everything.Select(i => i.On.Latest.DayNumber - i.On.Earliest.DayNumber).Distinct().Count().ShouldBeGreaterThan(5);

        for (var from = Day("1991-06-01"); from < Day("2027-01-01"); from = from.AddDays(173))
        {
            var to = from.AddDays(from.DayNumber % 3 == 0 ? 30 : 400);
            var paged = new List<TimelineItem>();
            cursor = null;
            do
            {
                var page = await db.Chronicle.Queries.TimelineAsync(from: from, to: to, cursor: cursor, limit: 7);
                paged.AddRange(page.Items);
                cursor = page.NextCursor;
            } while (cursor is not null);

            paged.Select(i => i.Position).ShouldBe(
                everything.Where(i => i.On.Latest >= from && i.On.Earliest <= to).Select(i => i.Position), $"window {from} to {to}");
        }
    }

    [Fact]
    public void The_query_names_the_span_class_exactly_as_the_index_does()
    {
        static string Words(string sql) => string.Join(' ', sql.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)).Replace("( ", "(").Replace(" )", ")");
        var index = ChronicleMigrations.All.Single(m => m.Sql.Contains("chr_timeline_by_span", StringComparison.Ordinal));

        Words(index.Sql).ShouldContain(Words(ChronicleMigrations.TimelineSpanClass));
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("dDF8MjAxMi0xMy0wMXwyMDEyLTAxLTAxfDE")]
    [InlineData("YTF8NQ")]
    public async Task A_cursor_the_service_did_not_issue_is_refused(string cursor)
    {
        await Should.ThrowAsync<InvalidCursorException>(() => db.Chronicle.Queries.TimelineAsync(cursor: cursor));
    }

    /// <summary>Historical order as the timeline promises it: by earliest day, then latest day.</summary>
    private sealed class TimelineOrder : IComparer<TimelineItem>
    {
        public int Compare(TimelineItem? x, TimelineItem? y) =>
            (x!.On.Earliest, x.On.Latest).CompareTo((y!.On.Earliest, y.On.Latest));
    }
}
