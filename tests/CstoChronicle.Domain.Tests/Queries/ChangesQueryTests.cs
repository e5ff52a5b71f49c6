using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>Changes between two days on the real dataset (membership.json, secretaries-general.json, chairmanship.json).</summary>
public class ChangesQueryTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    [Fact]
    public async Task Between_2012_and_2013_Uzbekistan_was_suspended_and_the_chair_passed_to_Kyrgyzstan_then_Russia()
    {
        // tass-2012-12-19 (suspension); tass-2012-11-12 (Kyrgyzstan from 19 December); the deprecated "quit" of June 2012 is no change;
        // Kazakhstan's chairmanship began at the Moscow session of December 2011, before the range.
        var answer = await db.Chronicle.Queries.ChangesAsync(Day("2012-01-01"), Day("2013-12-31"));

        answer.Changes.Select(c => $"{c.Area} {c.Entity} {c.What} {c.On}").ShouldBe(
        [
            "Chairmanship KGZ assumed 2012-12-19",
            "Membership UZB suspended 2012-12-19",
            "Chairmanship RUS assumed 2013-09-23",
        ], ignoreOrder: true);
        answer.Changes.ShouldAllBe(c => c.Certainty == Certainty.Certain);
        answer.Changes.Single(c => c.Entity == "UZB").EventIds.ShouldBe([db.Data.Id("uzb-membership-suspended-2012-12-19")]);
        answer.From.ShouldBe(Day("2012-01-01"));
    }

    [Fact]
    public async Task Between_December_2016_and_June_2017_the_Secretary_General_changed_three_times()
    {
        // seed-000 (Bordyuzha's term ends 31 December 2016), sputnik-am-2017-01-01 (Semerikov acting), Khachaturov from 2 May 2017.
        var answer = await db.Chronicle.Queries.ChangesAsync(Day("2016-12-01"), Day("2017-06-30"));

        answer.Changes.Where(c => c.Area == ChangeArea.SecretaryGeneral).Select(c => $"{c.Entity} {c.What}").ShouldBe(
            ["nikolai-bordyuzha ended", "valery-semerikov acting", "yuri-khachaturov appointed"]);
    }

    [Fact]
    public async Task A_change_dated_only_by_a_year_that_overlaps_the_days_asked_is_possible()
    {
        // liquisearch-csto-developments: "In June 2007, Kyrgyzstan assumed the rotating CSTO presidency." (the month only)
        var answer = await db.Chronicle.Queries.ChangesAsync(Day("2007-06-10"), Day("2007-06-20"));

        var change = answer.Changes.ShouldHaveSingleItem();
        change.Entity.ShouldBe("KGZ");
        change.Certainty.ShouldBe(Certainty.Possible);
    }

    [Fact]
    public async Task An_end_before_the_start_is_refused()
    {
        await Should.ThrowAsync<ArgumentException>(() => db.Chronicle.Queries.ChangesAsync(Day("2013-01-01"), Day("2012-01-01")));
    }
}
