using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Validation;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Validation;

/// <summary>One holder at a time, on ties, partial dates and repeated holders, without a store.</summary>
public class SecretaryGeneralRulesTests
{
    public static TheoryData<string, HistoricalEvent[], HistoricalEvent, string?> Cases => new()
    {
        { "an appointment the day after the last term ended", [Appointed("a-one", "2003-04-28"), TermEnded("a-one", "2016-12-31")], Acting("b-two", "2017-01-01"), null },
        { "an acting holder on the last day of the previous term", [Appointed("a-one", "2017-05-02"), TermEnded("a-one", "2018-11-02")], Acting("b-two", "2018-11-02"), null },
        { "an appointment the day before the last term ended", [Appointed("a-one", "2017-05-02"), TermEnded("a-one", "2018-11-02")], Appointed("b-two", "2018-11-01"), "on" },
        { "an appointment inside a declared term", [Appointed("a-one", "2023-01-01", termEnds: "2025-12-31")], Appointed("b-two", "2025"), null },
        { "an appointment certainly inside a declared term", [Appointed("a-one", "2023-01-01", termEnds: "2025-12-31")], Appointed("b-two", "2024"), "on" },
        { "an appointment after an early end of a declared term", [Appointed("a-one", "2023-01-01", termEnds: "2025-12-31"), TermEnded("a-one", "2023-12-31")], Appointed("b-two", "2024"), null },
        { "a second term of the same person: the first end does not reach the second", [Acting("a-one", "2017-01-01"), Appointed("b-two", "2017-05-02"),
            TermEnded("b-two", "2018-11-02"), Acting("a-one", "2018-11-02"), TermEnded("a-one", "2019-12-31")], Appointed("c-three", "2020-01-01"), null },
        { "a term end of a person who takes office only later", [Appointed("a-one", "2020-01-01")], TermEnded("a-one", "2019"), "on" },
        { "a term end in the year of the appointment", [Appointed("a-one", "2020-06-01")], TermEnded("a-one", "2020"), null },
        { "an earlier holder whose declared term reaches a later one", [Appointed("b-two", "2020-01-01")], Appointed("a-one", "2017-01-01", termEnds: "2019-12-31"), null },
        { "an earlier holder whose declared term runs past a later one", [Appointed("b-two", "2020-01-01")], Appointed("a-one", "2017-01-01", termEnds: "2020-06-30"), "termEnds" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string history, HistoricalEvent[] standing, HistoricalEvent attempt, string? refusedField)
    {
        var errors = SecretaryGeneralRules.Check(attempt, standing);

        if (refusedField is null) errors.ShouldBeEmpty(history);
        else errors.ShouldContain(e => e.Field == refusedField, history);
    }
}
