using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Sources;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class MembershipFoldTests
{
    private readonly Facts _facts = new();

    [Theory]
    [InlineData("2006-12-31", Certainty.Certain)]
    [InlineData("2006-06-01", Certainty.Possible)]
    [InlineData("2006-01-01", Certainty.Possible)]
    public void An_accession_dated_only_by_its_year_is_certain_at_the_years_end_and_possible_within_it(string day, Certainty expected)
    {
        var claims = new[] { _facts.Membership(new StateAcceded("UZB", On("2006"), Cited)) };

        var member = MembershipFold.MembersOn(claims, Day(day)).ShouldHaveSingleItem();

        member.Certainty.ShouldBe(expected);
        member.Status.ShouldBe(MembershipStatus.Member);
        member.Since.Text.ShouldBe("2006");
        member.Name.ShouldBe("Uzbekistan");
    }

    [Fact]
    public void A_state_is_not_listed_before_its_accession_dated_only_by_its_year()
    {
        var claims = new[] { _facts.Membership(new StateAcceded("UZB", On("2006"), Cited)) };

        MembershipFold.MembersOn(claims, Day("2005-12-31")).ShouldBeEmpty();
    }

    [Fact]
    public void A_state_that_withdrew_and_rejoined_is_absent_between_and_a_member_since_its_return_after()
    {
        var accession = _facts.Membership(new StateAcceded("UZB", On("1992-05-15"), Cited));
        var withdrawal = _facts.Membership(new StateWithdrew("UZB", On("1999-04-21"), Cited));
        var rejoining = _facts.Membership(new StateAcceded("UZB", On("2006-08-16"), Cited));
        var claims = new[] { accession, withdrawal, rejoining };

        MembershipFold.MembersOn(claims, Day("1999-04-20")).ShouldHaveSingleItem().Since.Text.ShouldBe("1992-05-15");
        MembershipFold.MembersOn(claims, Day("1999-04-21")).ShouldBeEmpty();
        MembershipFold.MembersOn(claims, Day("2006-08-15")).ShouldBeEmpty();
        var returned = MembershipFold.MembersOn(claims, Day("2006-08-16")).ShouldHaveSingleItem();
        returned.Since.Text.ShouldBe("2006-08-16");
        returned.Certainty.ShouldBe(Certainty.Certain);
        returned.EventIds.ShouldBe([rejoining.Version.EventId]);
    }

    [Fact]
    public void Of_two_events_on_one_day_the_one_recorded_later_decides()
    {
        var claims = new[]
        {
            _facts.Membership(new StateAcceded("ARM", On("1992-05-15"), Cited)),
            _facts.Membership(new ParticipationFrozen("ARM", On("2024-02-22"), Cited)),
            _facts.Membership(new MembershipResumed("ARM", On("2024-02-22"), Cited)),
        };

        var member = MembershipFold.MembersOn(claims, Day("2024-02-22")).ShouldHaveSingleItem();

        member.Status.ShouldBe(MembershipStatus.Member);
        member.Since.Text.ShouldBe("2024-02-22");
    }

    [Fact]
    public void A_frozen_state_stays_listed_as_frozen_since_the_freeze()
    {
        var freeze = _facts.Membership(new ParticipationFrozen("ARM", On("2024-02-22"), Cited));
        var claims = new[] { _facts.Membership(new StateAcceded("ARM", On("1992-05-15"), Cited)), freeze };

        var member = MembershipFold.MembersOn(claims, Day("2025-01-01")).ShouldHaveSingleItem();

        member.Status.ShouldBe(MembershipStatus.Frozen);
        member.Since.Text.ShouldBe("2024-02-22");
        member.EventIds.ShouldBe([freeze.Version.EventId]);
    }

    [Fact]
    public void A_preferred_claim_of_an_accession_wins_over_a_normal_claim_of_the_same_accession()
    {
        var normal = _facts.Membership(new StateAcceded("UZB", On("2006-06-23"), Cited), ClaimRank.Normal);
        var preferred = _facts.Membership(new StateAcceded("UZB", On("2006-08-16"), Cited), ClaimRank.Preferred);

        MembershipFold.MembersOn([normal, preferred], Day("2006-07-01")).ShouldBeEmpty();
        var member = MembershipFold.MembersOn([normal, preferred], Day("2006-12-31")).ShouldHaveSingleItem();
        member.Since.Text.ShouldBe("2006-08-16");
        member.EventIds.ShouldBe([preferred.Version.EventId]);
    }

    [Fact]
    public void Two_normal_claims_of_one_accession_make_the_state_a_member_from_the_first()
    {
        var first = _facts.Membership(new StateAcceded("UZB", On("2006-06-23"), Cited));
        var second = _facts.Membership(new StateAcceded("UZB", On("2006-08-16"), Cited));

        var member = MembershipFold.MembersOn([first, second], Day("2006-12-31")).ShouldHaveSingleItem();

        member.Since.Text.ShouldBe("2006-06-23");
        member.EventIds.ShouldBe([first.Version.EventId, second.Version.EventId], ignoreOrder: true);
    }

    [Fact]
    public void A_deprecated_withdrawal_does_not_count()
    {
        var claims = new[]
        {
            _facts.Membership(new StateAcceded("UZB", On("2006-08-16"), Cited)),
            _facts.Membership(new StateWithdrew("UZB", On("2012-06-28"), Cited), ClaimRank.Deprecated),
            _facts.Membership(new MembershipSuspended("UZB", On("2012-12-19"), Cited), ClaimRank.Preferred),
        };

        MembershipFold.MembersOn(claims, Day("2012-09-01")).ShouldHaveSingleItem().Status.ShouldBe(MembershipStatus.Member);
        MembershipFold.MembersOn(claims, Day("2013-06-01")).ShouldHaveSingleItem().Status.ShouldBe(MembershipStatus.Suspended);
    }

    [Fact]
    public void A_withdrawal_dated_only_by_its_year_leaves_the_state_a_possible_member_within_that_year()
    {
        var claims = new[]
        {
            _facts.Membership(new StateAcceded("GEO", On("1993"), Cited)),
            _facts.Membership(new StateWithdrew("GEO", On("1999"), Cited)),
        };

        var member = MembershipFold.MembersOn(claims, Day("1999-06-01")).ShouldHaveSingleItem();
        member.Certainty.ShouldBe(Certainty.Possible);
        member.Since.Text.ShouldBe("1993");
        MembershipFold.MembersOn(claims, Day("2000-01-01")).ShouldBeEmpty();
    }

    [Fact]
    public void A_state_certainly_a_member_stays_certain_when_a_second_claim_of_its_accession_is_only_possible()
    {
        var claims = new[]
        {
            _facts.Membership(new StateAcceded("BLR", On("1993-03-01"), Cited)),
            _facts.Membership(new StateAcceded("BLR", On("1993"), Cited)),
        };

        var member = MembershipFold.MembersOn(claims, Day("1993-06-01")).ShouldHaveSingleItem();

        member.Certainty.ShouldBe(Certainty.Certain);
        member.Since.Text.ShouldBe("1993");
    }

    [Fact]
    public void A_possible_freeze_after_a_certain_membership_is_answered_as_possibly_frozen()
    {
        var claims = new[]
        {
            _facts.Membership(new StateAcceded("ARM", On("1992-05-15"), Cited)),
            _facts.Membership(new ParticipationFrozen("ARM", On("2024"), Cited)),
        };

        var member = MembershipFold.MembersOn(claims, Day("2024-02-01")).ShouldHaveSingleItem();

        member.Status.ShouldBe(MembershipStatus.Frozen);
        member.Certainty.ShouldBe(Certainty.Possible);
    }

    [Fact]
    public void A_corrected_claim_names_both_the_fact_and_its_correction()
    {
        var fact = Guid.NewGuid();
        var correction = Guid.NewGuid();
        var acceded = new StateAcceded("BLR", On("1993"), Cited);
        var version = new ClaimVersion(fact, correction, 7, acceded.On, ClaimRank.Normal);

        var member = MembershipFold.MembersOn([new MembershipClaim(version, "BLR", MembershipChange.Acceded)], Day("1994-01-01"))
            .ShouldHaveSingleItem();

        member.EventIds.ShouldBe([fact, correction]);
    }
}
