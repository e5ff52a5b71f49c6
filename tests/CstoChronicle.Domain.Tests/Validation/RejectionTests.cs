using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Writing;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Validation;

/// <summary>Every rule that refuses a fact: the field it names, what it says, and that nothing was written.</summary>
public class RejectionTests(WriteSideFixture db) : IClassFixture<WriteSideFixture>
{
    public sealed record Case(HistoricalEvent[] Given, HistoricalEvent Attempt, string Field, string Says);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["an unknown state code"] = new([], Acceded("SUN", "1992-05-15"), "state", "'SUN' is not a known state code"),
        ["a lower-case state code"] = new([], Acceded("arm", "1992-05-15"), "state", "not a known state code"),
        ["an unknown signatory"] = new([],
            new DocumentSigned("collective-security-treaty", "Collective Security Treaty", "treaty", D("1992-05-15"), Cited, Signatories: ["ARM", "SUN"]),
            "signatories[1]", "'SUN' is not a known state code"),
        ["an unknown participant of an exercise"] = new([],
            new ExerciseHeld("exercise-rubezh", "Rubezh", D("2025"), Cited, Participants: ["KGZ", "USA"]), "participants[1]", "'USA'"),
        ["a chairmanship of an unknown state"] = new([], new ChairmanshipAssumed("XKX", D("2020"), Cited), "state", "not a known state code"),

        ["no source"] = new([], new StateAcceded("ARM", D("1992-05-15"), []), "sources", "at least one source is required"),
        ["a source that is not registered"] = new([],
            new StateAcceded("ARM", D("1992-05-15"), [new Citation("nobody-said-so")]), "sources[0].sourceId", "source 'nobody-said-so' is not registered"),
        ["a citation without a source id"] = new([], new StateAcceded("ARM", D("1992-05-15"), [new Citation("")]), "sources[0].sourceId", "is required"),

        ["a term that ends before it starts"] = new([], Appointed("stanislav-zas", "2020-01-01", termEnds: "2019-12-31"), "termEnds", "before it starts"),
        ["a term end before the appointment"] = new([Appointed("stanislav-zas", "2020-01-01")],
            TermEnded("stanislav-zas", "2019-06-01"), "on", "before it starts"),
        ["a term end of someone never appointed"] = new([], TermEnded("nobody-at-all", "2019-06-01"), "personId", "no term to end"),

        ["a withdrawal by a state that never joined"] = new([], Withdrew("GEO", "1999-04-21"), "state", "GEO is not a member on 1999-04-21"),
        ["a suspension after the state withdrew"] = new([Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999-04-21")],
            Suspended("UZB", "2005-01-01"), "state", "it withdrew on 1999-04-21"),
        ["a freeze before the state joined"] = new([Acceded("ARM", "2006-08-16")], Frozen("ARM", "2001"), "state", "no accession of ARM"),
        ["a second withdrawal"] = new([Acceded("AZE", "1993"), Withdrew("AZE", "1999-04-21")], Withdrew("AZE", "2000"), "state", "not a member"),
        ["a resumption by a full member"] = new([Acceded("KAZ", "1992-05-15")], Resumed("KAZ", "2010"), "state", "nothing to resume"),

        ["two Secretaries General from the same day"] = new([Appointed("stanislav-zas", "2020-01-01")],
            Appointed("someone-else", "2020-01-01"), "on", "two holders for the same days"),
        ["a new Secretary General within a declared term, without a term end"] = new(
            [Appointed("imangali-tasmagambetov", "2023-01-01", termEnds: "2025-12-31")],
            Appointed("someone-else", "2024-06-01"), "on", "holds the office from 2023-01-01 until 2025-12-31"),
        ["an acting Secretary General before the recorded term end"] = new(
            [Appointed("yuri-khachaturov", "2017-05-02"), TermEnded("yuri-khachaturov", "2018-11-02")],
            Acting("valery-semerikov", "2018-01-01"), "on", "record the end of that term"),
        ["a declared term that runs into the next holder's"] = new([Appointed("stanislav-zas", "2020-01-01")],
            Appointed("earlier-holder", "2018-01-01", termEnds: "2021-12-31"), "termEnds", "overlaps Stanislav Zas"),

        ["a preferred claim without a reason"] = new([], Acceded("UZB", "2006-08-16") with { Rank = ClaimRank.Preferred }, "rankReason", "preferred claim needs a rankReason"),
        ["a deprecated claim without a reason"] = new([Acceded("UZB", "1992-05-15")],
            Withdrew("UZB", "2012-06-28") with { Rank = ClaimRank.Deprecated }, "rankReason", "deprecated claim needs a rankReason"),
        ["a quantity with an unknown comparator"] = new([],
            new FigureReported("crrf", "personnel", new Quantity("≈", 20000, "personnel"), D("2018-04-12"), Cited), "quantity.comparator", "'≈' is not a comparator"),
        ["a quantity without a unit"] = new([],
            new FigureReported("crrf", "personnel", new Quantity(">", 20000, ""), D("2018-04-12"), Cited), "quantity.unit", "is required"),

        ["a body dissolved before it was established"] = new([new BodyEstablished("crrf", "CRRF", "force", D("2009-02-04"), Cited)],
            new BodyDissolved("crrf", D("2008"), Cited), "on", "before 'crrf' was established (2009-02-04)"),
        ["a treaty in force before it was signed"] = new(
            [new DocumentSigned("collective-security-treaty", "Collective Security Treaty", "treaty", D("1992-05-15"), Cited)],
            new DocumentEnteredIntoForce("collective-security-treaty", D("1991-04-20"), Cited), "on", "before 'collective-security-treaty' was signed"),
        ["an entity id that is not a slug"] = new([], new BodyEstablished("Joint Staff", "Joint Staff", "body", D("2004"), Cited), "body", "is not a slug"),
        ["an entity id in the source register's namespace"] = new([], new BodyEstablished("source-body", "Body", "body", D("2004"), Cited), "", "kept for the source register"),
    };

    public static TheoryData<string> CaseNames => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Refuses_with_the_field_at_fault_and_writes_nothing(string name)
    {
        var (given, attempt, field, says) = Cases[name];
        var chronicle = await db.NewChronicleAsync();
        await chronicle.GivenAsync(given);
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.RecordAsync(attempt, TestChronicle.Editor);

        var rejected = outcome.ShouldBeOfType<WriteOutcome.Rejected>();
        rejected.Errors.ShouldContain(e => e.Field == field && e.Message.Contains(says), $"errors were: {string.Join("; ", rejected.Errors)}");
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    public static TheoryData<string, string, string, string> JsonCases => new()
    {
        { "StateAcceded", """{"state":"UZB","on":"2006-8-16","sources":[{"sourceId":"test-source"}]}""", "on", "write 2006-08-16" },
        { "StateAcceded", """{"state":"UZB","on":"2022-02-30","sources":[{"sourceId":"test-source"}]}""", "on", "does not exist in February 2022" },
        { "OperationConducted", """{"operation":"operation-kazakhstan-2022","name":"x","on":"2022-01-19/2022-01-06","sources":[{"sourceId":"test-source"}]}""", "on", "is before the start" },
        { "StateAcceded", """{"state":"UZB","on":"","sources":[{"sourceId":"test-source"}]}""", "on", "empty" },
        { "StateAcceded", """{"on":"2006-08-16","sources":[{"sourceId":"test-source"}]}""", "state", "is required" },
        { "StateAcceded", """{"state":"UZB","on":"2006-08-16"}""", "sources", "at least one source is required" },
        { "StateAcceded", """{"state":"UZB","on":"2006-08-16","sources":[{"quote":"no id"}]}""", "sources[0].sourceId", "is required" },
        { "SecretaryGeneralAppointed", """{"personId":"a-b","name":"A B","on":"2020","termEnd":"2022","sources":[{"sourceId":"test-source"}]}""", "termEnd", "is not a field of a SecretaryGeneralAppointed" },
        { "StateAcceded", """{"state":"UZB","on":"2006","sources":[{"sourceId":"test-source"}],"rank":"best"}""", "rank", "must be one of normal, preferred, deprecated" },
        { "StateAcceded", """{"state":null,"on":"2006","sources":[{"sourceId":"test-source"}]}""", "state", "must not be null" },
        { "StateJoined", """{"state":"UZB","on":"2006","sources":[{"sourceId":"test-source"}]}""", "type", "'StateJoined' is not an event type" },
        { "EventRetracted", """{"target":"f04e24d8-108e-5954-874c-b756024e14f3","reason":"x","sources":[]}""", "type", "not a historical fact" },
    };

    [Theory]
    [MemberData(nameof(JsonCases))]
    public async Task Refuses_JSON_that_does_not_make_a_fact_and_writes_nothing(string type, string json, string field, string says)
    {
        var chronicle = await db.NewChronicleAsync();
        var head = await chronicle.HeadAsync();

        var outcome = await chronicle.Writer.RecordAsync(type, json, TestChronicle.Editor);

        var rejected = outcome.ShouldBeOfType<WriteOutcome.Rejected>();
        rejected.Errors.ShouldContain(e => e.Field == field && e.Message.Contains(says), $"errors were: {string.Join("; ", rejected.Errors)}");
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public void Every_rejection_case_names_an_error_the_rules_can_produce()
    {
        // Guards the table against a case that passes for the wrong reason: each attempt must also fail without a store.
        foreach (var (name, c) in Cases.Where(c => c.Value.Given.Length == 0 && c.Value.Attempt.Sources.All(s => s.SourceId == TestChronicle.SourceId)))
        {
            var errors = EventFieldRules.Check(c.Attempt, KnownStates.Default).Concat(
                EventValidator.CheckAgainstStream(c.Attempt, StreamHistory.Empty(c.Attempt.StreamId ?? "none")));
            errors.ShouldContain(e => e.Field == c.Field, name);
        }
    }
}
