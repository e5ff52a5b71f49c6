using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Validation;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Validation;

/// <summary>Offices other than the Secretary General's: which offices, and one holder at a time, as for the Secretary General.</summary>
public class OfficeRulesTests
{
    private const string Chief = Offices.ChiefOfJointStaff;

    private static OfficeHolderAppointed Chosen(string person, string on, string? termEnds = null, string office = Chief) =>
        new(office, person, person.Replace('-', ' '), "RUS", D(on), Cited, termEnds is null ? null : D(termEnds));

    private static ActingOfficeHolderDesignated Stands(string person, string on) => new(Chief, person, person.Replace('-', ' '), "RUS", D(on), Cited);
    private static OfficeTermEnded Ends(string person, string on) => new(Chief, person, D(on), Cited);

    public static TheoryData<string, HistoricalEvent[], HistoricalEvent, string?> Cases => new()
    {
        { "a successor on a later day", [Chosen("a-one", "2012-12-19")], Chosen("b-two", "2015-09-15"), null },
        { "two holders from the same day", [Chosen("a-one", "2012-12-19")], Chosen("b-two", "2012-12-19"), "on" },
        { "a holder certainly inside a declared term", [Chosen("a-one", "2020-01-01", termEnds: "2022-12-31")], Chosen("b-two", "2021"), "on" },
        { "an acting holder the day after a recorded end", [Chosen("a-one", "2015-09-15"), Ends("a-one", "2023-11-22")], Stands("b-two", "2023-11-23"), null },
        { "an acting holder before a recorded end", [Chosen("a-one", "2015-09-15"), Ends("a-one", "2023-11-22")], Stands("b-two", "2023-11-01"), "on" },
        { "an end of a term nobody holds", [Chosen("a-one", "2015-09-15")], Ends("b-two", "2023-11-22"), "personId" },
        { "an end before the term starts", [Chosen("a-one", "2015-09-15")], Ends("a-one", "2014"), "on" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_one_holder_at_a_time(string history, HistoricalEvent[] standing, HistoricalEvent attempt, string? refusedField)
    {
        var errors = SecretaryGeneralRules.Check(attempt, standing);

        if (refusedField is null) errors.ShouldBeEmpty(history);
        else errors.ShouldContain(e => e.Field == refusedField, history);
    }

    [Theory]
    [InlineData("secretary-general", "SecretaryGeneralAppointed")]
    [InlineData("commander-in-chief", "not an office the chronicle records")]
    [InlineData("", "required")]
    public void The_generic_records_name_an_office_other_than_the_Secretary_General_s(string office, string message)
    {
        var errors = EventFieldRules.Check(Chosen("a-one", "2020", office: office), KnownStates.Default);

        errors.ShouldContain(e => e.Field == "office" && e.Message.Contains(message));
    }

    [Fact]
    public void An_appointment_of_a_known_office_passes_and_its_stream_is_the_office()
    {
        var fact = Chosen("anatoly-sidorov", "2015-09-15");

        EventFieldRules.Check(fact, KnownStates.Default).ShouldBeEmpty();
        fact.StreamId.ShouldBe("chief-of-joint-staff");
    }

    [Fact]
    public void A_term_that_ends_before_it_starts_is_refused()
    {
        EventFieldRules.Check(Chosen("a-one", "2020-01-01", termEnds: "2019-12-31"), KnownStates.Default)
            .ShouldContain(e => e.Field == "termEnds");
    }

    [Fact]
    public void Titles_name_the_person_and_the_office()
    {
        TimelineEntry.TitleOf(new OfficeHolderAppointed(Chief, "anatoly-sidorov", "Anatoly Sidorov", "RUS", D("2015-09-15"), Cited))
            .ShouldBe("Anatoly Sidorov appointed Chief of the CSTO Joint Staff");
        TimelineEntry.TitleOf(new ActingOfficeHolderDesignated(Chief, "a-one", "A One", null, D("2015"), Cited))
            .ShouldBe("A One designated acting Chief of the CSTO Joint Staff");
        TimelineEntry.TitleOf(new OfficeTermEnded(Chief, "anatoly-sidorov", D("2023-11-22"), Cited))
            .ShouldBe("Anatoly Sidorov's term as Chief of the CSTO Joint Staff ended");
    }

    [Fact]
    public void Each_record_is_a_claim_about_its_office()
    {
        var version = ClaimVersion.Of(Guid.NewGuid(), 1, Chosen("a-one", "2020"));
        OfficeClaim.From(version, Chosen("a-one", "2020")).ShouldNotBeNull().Office.ShouldBe(Chief);
        OfficeClaim.From(version, Ends("a-one", "2021")).ShouldNotBeNull().Change.ShouldBe(OfficeChange.Ended);
        OfficeClaim.From(version, Appointed("a-one", "2020")).ShouldNotBeNull().Office.ShouldBe(Offices.SecretaryGeneral);
    }
}
