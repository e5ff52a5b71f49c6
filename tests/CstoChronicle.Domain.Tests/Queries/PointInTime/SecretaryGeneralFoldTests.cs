using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries.PointInTime;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Queries.PointInTime;

public class SecretaryGeneralFoldTests
{
    private readonly Facts _facts = new();

    private SecretaryGeneralAppointed Appointed(string person, string on, string? termEnds = null) =>
        new(person, person.ToUpperInvariant(), "RUS", On(on), Cited, termEnds is null ? null : On(termEnds));

    [Fact]
    public void An_acting_holder_between_two_holders_holds_the_office_from_his_designation_to_the_next_appointment()
    {
        var claims = new[]
        {
            _facts.Office(Appointed("bordyuzha", "2003-04-28")),
            _facts.Office(new SecretaryGeneralTermEnded("bordyuzha", On("2016-12-31"), Cited)),
            _facts.Office(new ActingSecretaryGeneralDesignated("semerikov", "Semerikov", "RUS", On("2017-01-01"), Cited)),
            _facts.Office(Appointed("khachaturov", "2017-05-02")),
        };

        SecretaryGeneralFold.HolderOn(claims, Day("2016-12-31")).ShouldNotBeNull().PersonId.ShouldBe("bordyuzha");
        var acting = SecretaryGeneralFold.HolderOn(claims, Day("2017-03-01")).ShouldNotBeNull();
        acting.PersonId.ShouldBe("semerikov");
        acting.Acting.ShouldBeTrue();
        acting.Since.Text.ShouldBe("2017-01-01");
        acting.Certainty.ShouldBe(Certainty.Certain);
        var next = SecretaryGeneralFold.HolderOn(claims, Day("2017-05-02")).ShouldNotBeNull();
        next.PersonId.ShouldBe("khachaturov");
        next.Acting.ShouldBeFalse();
    }

    [Fact]
    public void A_term_ended_and_an_acting_designation_on_one_day_leave_the_acting_holder_in_office_that_day()
    {
        var claims = new[]
        {
            _facts.Office(Appointed("khachaturov", "2017-05-02")),
            _facts.Office(new SecretaryGeneralTermEnded("khachaturov", On("2018-11-02"), Cited)),
            _facts.Office(new ActingSecretaryGeneralDesignated("semerikov", "Semerikov", "RUS", On("2018-11-02"), Cited)),
        };

        SecretaryGeneralFold.HolderOn(claims, Day("2018-11-02")).ShouldNotBeNull().PersonId.ShouldBe("semerikov");
    }

    [Fact]
    public void The_office_is_vacant_after_a_term_ended_with_nobody_designated()
    {
        var claims = new[]
        {
            _facts.Office(Appointed("bordyuzha", "2003-04-28")),
            _facts.Office(new SecretaryGeneralTermEnded("bordyuzha", On("2016-12-31"), Cited)),
        };

        SecretaryGeneralFold.HolderOn(claims, Day("2017-01-01")).ShouldBeNull();
    }

    [Fact]
    public void A_planned_term_end_vacates_the_office_unless_a_successor_takes_over()
    {
        var tasmagambetov = _facts.Office(Appointed("tasmagambetov", "2023-01-01", termEnds: "2025-12-31"));

        SecretaryGeneralFold.HolderOn([tasmagambetov], Day("2025-12-31")).ShouldNotBeNull().PersonId.ShouldBe("tasmagambetov");
        SecretaryGeneralFold.HolderOn([tasmagambetov], Day("2026-01-01")).ShouldBeNull();

        var masadykov = _facts.Office(Appointed("masadykov", "2026-01-01"));
        SecretaryGeneralFold.HolderOn([tasmagambetov, masadykov], Day("2026-01-01")).ShouldNotBeNull().PersonId.ShouldBe("masadykov");
    }

    [Fact]
    public void The_end_of_a_term_of_someone_no_longer_in_office_does_not_vacate_it()
    {
        var claims = new[]
        {
            _facts.Office(Appointed("first", "2003-04-28")),
            _facts.Office(Appointed("second", "2010-01-01")),
            _facts.Office(new SecretaryGeneralTermEnded("first", On("2010-06-30"), Cited)),
        };

        SecretaryGeneralFold.HolderOn(claims, Day("2011-01-01")).ShouldNotBeNull().PersonId.ShouldBe("second");
    }

    [Fact]
    public void An_appointment_dated_only_by_its_month_is_possible_within_the_month_and_certain_after()
    {
        var claims = new[] { _facts.Office(Appointed("someone", "2016-10")) };

        SecretaryGeneralFold.HolderOn(claims, Day("2016-10-15")).ShouldNotBeNull().Certainty.ShouldBe(Certainty.Possible);
        SecretaryGeneralFold.HolderOn(claims, Day("2016-11-01")).ShouldNotBeNull().Certainty.ShouldBe(Certainty.Certain);
        SecretaryGeneralFold.HolderOn(claims, Day("2016-09-30")).ShouldBeNull();
    }
}
