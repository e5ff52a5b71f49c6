using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class PeriodsFoldTests
{
    private readonly Facts _facts = new();

    [Fact]
    public void A_state_that_withdrew_rejoined_and_was_suspended_has_four_periods_with_the_set_aside_claims_beside_them()
    {
        var accession = _facts.Membership(new StateAcceded("UZB", On("1992-05-15"), Cited));
        var withdrawal = _facts.Membership(new StateWithdrew("UZB", On("1999-04-21"), Cited));
        var rejoiningNormal = _facts.Membership(new StateAcceded("UZB", On("2006-06-23"), Cited));
        var rejoining = _facts.Membership(new StateAcceded("UZB", On("2006-08-16"), Cited), ClaimRank.Preferred);
        var deprecated = _facts.Membership(new StateWithdrew("UZB", On("2012-06-28"), Cited), ClaimRank.Deprecated);
        var suspension = _facts.Membership(new MembershipSuspended("UZB", On("2012-12-19"), Cited), ClaimRank.Preferred);

        var lane = PeriodLanes.Membership([accession, withdrawal, rejoiningNormal, rejoining, deprecated, suspension]).ShouldHaveSingleItem();

        lane.Id.ShouldBe("UZB");
        lane.Name.ShouldBe("Uzbekistan");
        lane.Periods.Select(p => (p.Value, p.Start.On.Text, p.End?.On.Text)).ShouldBe(
        [
            ("member", "1992-05-15", "1999-04-21"),
            ("withdrawn", "1999-04-21", "2006-08-16"),
            ("member", "2006-08-16", "2012-12-19"),
            ("suspended", "2012-12-19", null),
        ]);
        var rejoined = lane.Periods[2];
        rejoined.Disputed.ShouldBeTrue();
        rejoined.Claims.ShouldContain(c => c.EventId == rejoining.Version.EventId && c.Role == "start" && c.Rank == ClaimRank.Preferred);
        rejoined.Claims.ShouldContain(c => c.EventId == suspension.Version.EventId && c.Role == "end");
        rejoined.Claims.ShouldContain(c => c.EventId == deprecated.Version.EventId && c.Role == "competing" && c.Rank == ClaimRank.Deprecated);
        lane.Periods[1].Claims.ShouldContain(c => c.EventId == rejoiningNormal.Version.EventId && c.Role == "competing" && c.Rank == ClaimRank.Normal);
        lane.Periods[0].Disputed.ShouldBeFalse();
        lane.Periods[0].EventIds.ShouldBe([accession.Version.EventId, withdrawal.Version.EventId]);
    }

    [Fact]
    public void An_edge_dated_by_its_year_spans_the_year_and_is_possible_and_a_day_edge_is_certain()
    {
        var claims = new[]
        {
            _facts.Membership(new StateAcceded("BLR", On("1993"), Cited)),
            _facts.Membership(new ParticipationFrozen("BLR", On("2024-02-22"), Cited)),
        };

        var member = PeriodLanes.Membership(claims).ShouldHaveSingleItem().Periods[0];

        member.Start.ShouldBe(new PeriodEdge(On("1993"), Day("1993-01-01"), Day("1993-12-31"), Certainty.Possible));
        member.End.ShouldBe(new PeriodEdge(On("2024-02-22"), Day("2024-02-22"), Day("2024-02-22"), Certainty.Certain));
        member.Certainty.ShouldBe(Certainty.Certain);
    }

    [Fact]
    public void An_open_start_has_no_earliest_day_and_a_period_inside_its_successors_date_is_only_possible()
    {
        var claims = new[] { _facts.Chair("BLR", "../2006-06-23"), _facts.Chair("RUS", "2009-06-14"), _facts.Chair("KAZ", "2009-06-14/2011-08-12") };

        var periods = PeriodLanes.Chairmanship(claims).ShouldHaveSingleItem().Periods;

        periods[0].Start.Earliest.ShouldBeNull();
        periods[0].Start.Latest.ShouldBe(Day("2006-06-23"));
        periods.Single(p => p.Value == "RUS").Certainty.ShouldBe(Certainty.Possible);
        periods.Single(p => p.Value == "KAZ").End.ShouldBeNull();
    }

    [Fact]
    public void Secretary_general_periods_follow_appointments_acting_holders_and_planned_ends()
    {
        var claims = new[]
        {
            _facts.Office(new SecretaryGeneralAppointed("zas", "Stanislav Zas", "BLR", On("2020-01-01"), Cited, TermEnds: On("2022-12-31"))),
            _facts.Office(new ActingSecretaryGeneralDesignated("semerikov", "Valery Semerikov", "RUS", On("2018-11-02"), Cited)),
        };

        var periods = PeriodLanes.SecretaryGeneral(claims).ShouldHaveSingleItem().Periods;

        periods.Select(p => (p.Value, p.Label, p.Start.On.Text, p.End?.On.Text)).ShouldBe(
        [
            ("semerikov", "Valery Semerikov (acting)", "2018-11-02", "2020-01-01"),
            ("zas", "Stanislav Zas", "2020-01-01", "2023-01-01"),
        ]);
    }

    [Fact]
    public void A_document_is_signed_until_it_enters_into_force_and_its_deprecated_signature_competes_beside_it()
    {
        var signed = _facts.Document(new DocumentSigned("csto-charter", "Charter", "charter", On("2002-10-07"), Cited, "Chisinau"), ClaimRank.Preferred);
        var wrongPlace = _facts.Document(new DocumentSigned("csto-charter", "Charter", "charter", On("2002-10-07"), Cited, "Tashkent"), ClaimRank.Deprecated);
        var inForce = _facts.Document(new DocumentEnteredIntoForce("csto-charter", On("2003-09-18"), Cited));
        var ratified = _facts.Document(new DocumentRatified("csto-charter", "ARM", On("2003-06"), Cited));

        var lane = PeriodLanes.Documents([signed, wrongPlace, inForce, ratified]).ShouldHaveSingleItem();

        lane.Name.ShouldBe("Charter");
        lane.Periods.Select(p => (p.Value, p.Start.On.Text, p.End?.On.Text)).ShouldBe([("signed", "2002-10-07", "2003-09-18"), ("in-force", "2003-09-18", null)]);
        lane.Periods[0].Claims.Single(c => c.Role == "competing").EventId.ShouldBe(wrongPlace.Version.EventId);
        lane.Periods.SelectMany(p => p.EventIds).ShouldNotContain(ratified.Version.EventId);
    }

    [Fact]
    public void A_body_has_a_period_per_name_and_none_after_its_dissolution()
    {
        var claims = new[]
        {
            _facts.Body(new BodyEstablished("crrf", "CRRF", "force", On("2009-02-04"), Cited)),
            _facts.Body(new BodyRenamed("crrf", "Rapid Force", On("2015"), Cited)),
            _facts.Body(new BodyDissolved("crrf", On("2020-01-01"), Cited)),
        };

        var lane = PeriodLanes.Bodies(claims).ShouldHaveSingleItem();

        lane.Name.ShouldBe("Rapid Force");
        lane.Periods.Select(p => (p.Value, p.Start.On.Text, p.End?.On.Text)).ShouldBe([("CRRF", "2009-02-04", "2015"), ("Rapid Force", "2015", "2020-01-01")]);
        lane.Periods[0].End!.Certainty.ShouldBe(Certainty.Possible);
    }

    [Fact]
    public void On_any_day_the_members_fold_answers_a_status_some_period_of_that_status_may_hold()
    {
        var random = new Random(17);
        string[] dates = ["1992-05-15", "1993", "1999-04", "1999-04-21", "2006~", "2006-08-16", "2012-12-19", "2012", "2015?", "2024-02-22", "../2000", "2010/2012"];
        HistoricalEvent[] Facts(string state, HistoricalDate on) =>
            [new StateAcceded(state, on, Cited), new StateWithdrew(state, on, Cited), new MembershipSuspended(state, on, Cited),
             new ParticipationFrozen(state, on, Cited), new MembershipResumed(state, on, Cited)];
        for (var run = 0; run < 200; run++)
        {
            var facts = new Facts();
            var claims = Enumerable.Range(0, random.Next(1, 7))
                .Select(_ => facts.Membership(Facts("ARM", On(dates[random.Next(dates.Length)]))[random.Next(5)], (ClaimRank)random.Next(3)))
                .ToList();
            var periods = PeriodLanes.Membership(claims).SelectMany(l => l.Periods).ToList();
            for (var day = Day("1991-01-01"); day < Day("2026-01-01"); day = day.AddDays(97))
            {
                var member = MembershipFold.MembersOn(claims, day).SingleOrDefault();
                if (member is null) continue;
                periods.ShouldContain(p => p.Value == member.Status.ToString().ToLowerInvariant()
                    && p.Start.On.Earliest <= day && (p.End == null || day < p.End.On.Latest),
                    $"run {run}, {day}: {member.Status} ({member.Certainty}) since {member.Since}");
            }
        }
    }
}
