using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Writing;
using static CstoChronicle.Domain.Tests.Infrastructure.Facts;

namespace CstoChronicle.Domain.Tests.Validation;

/// <summary>What the rules must let through: the shapes of real history that a too strict rule would refuse.</summary>
public class AcceptanceTests(WriteSideFixture db) : IClassFixture<WriteSideFixture>
{
    private static readonly Dictionary<string, HistoricalEvent[]> Histories = new()
    {
        // Uzbekistan: signed 1992, did not renew 1999, returned 2006, suspended 2012.
        ["a withdrawal and a return"] = [Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999-04-21"), Acceded("UZB", "2006-08-16"), Suspended("UZB", "2012-12-19")],
        ["a freeze and a resumption"] = [Acceded("ARM", "1992-05-15"), Frozen("ARM", "2024-02-22"), Resumed("ARM", "2030")],
        ["an accession known only by its year"] = [Acceded("AZE", "1993"), Withdrew("AZE", "1999-04-21")],
        ["facts recorded out of historical order"] = [Acceded("UZB", "2006-08-16"), Acceded("UZB", "1992-05-15"), Withdrew("UZB", "1999-04-21")],
        ["a deprecated withdrawal beside the preferred suspension"] = [
            Acceded("UZB", "2006-08-16"),
            Withdrew("UZB", "2012-06-28") with { Rank = ClaimRank.Deprecated, RankReason = "the note asked for suspension" },
            Suspended("UZB", "2012-12-19") with { Rank = ClaimRank.Preferred, RankReason = "the formal act" }],
        ["a deprecated withdrawal by a state that never joined"] = [
            Withdrew("TJK", "1990") with { Rank = ClaimRank.Deprecated, RankReason = "a misreading kept for the record" }],
        ["a succession without recorded term ends"] = [Appointed("stanislav-zas", "2020-01-01"), Appointed("imangali-tasmagambetov", "2023-01-01", termEnds: "2025-12-31"),
            Appointed("taalatbek-masadykov", "2026-01-01", termEnds: "2028-12-31")],
        ["an acting holder from the day the term ended"] = [Appointed("yuri-khachaturov", "2017-05-02"), TermEnded("yuri-khachaturov", "2018-11-02"),
            Acting("valery-semerikov", "2018-11-02"), Appointed("stanislav-zas", "2020-01-01")],
        ["an acting holder between two holders, twice the same person"] = [Appointed("nikolai-bordyuzha", "2003-04-28"), TermEnded("nikolai-bordyuzha", "2016-12-31"),
            Acting("valery-semerikov", "2017-01-01"), Appointed("yuri-khachaturov", "2017-05-02"), TermEnded("yuri-khachaturov", "2018-11-02"),
            Acting("valery-semerikov", "2018-11-02")],
        ["a start that only possibly overlaps the end of the last term"] = [Appointed("a-holder", "2010-01-01"), TermEnded("a-holder", "2016-12-31"), Appointed("next-holder", "2016")],
        ["a deprecated second holder"] = [Appointed("stanislav-zas", "2020-01-01"),
            Appointed("someone-else", "2020-01-01") with { Rank = ClaimRank.Deprecated, RankReason = "a wrong report" }],
        ["two claims of one body's founding"] = [
            new BodyEstablished("crrf", "CRRF", "force", D("2009-02-04"), Cited) { Rank = ClaimRank.Preferred, RankReason = "contemporary reports" },
            new BodyEstablished("crrf", "CRRF", "force", D("2009-02-24"), Cited), new BodyRenamed("crrf", "CRRF of the CSTO", D("2009-02"), Cited)],
        ["a document in force for some states"] = [
            new DocumentSigned("csto-charter", "Charter", "charter", D("2002-10-07"), Cited, "Chisinau", ["ARM", "BLR", "KAZ", "KGZ", "RUS", "TJK"]),
            new DocumentRatified("csto-charter", "KAZ", D("2003-07-01"), Cited),
            new DocumentEnteredIntoForce("csto-charter", D("2003-09-18"), Cited, ["ARM", "KAZ"])],
        ["a figure about a state"] = [new FigureReported("KAZ", "troops", new Quantity(">=", 2000, "personnel"), D("2022-01"), Cited)],
    };

    public static TheoryData<string> HistoryNames => new(Histories.Keys);

    [Theory]
    [MemberData(nameof(HistoryNames))]
    public async Task Records_every_fact_of(string history)
    {
        var chronicle = await db.NewChronicleAsync();

        foreach (var fact in Histories[history])
            (await chronicle.Writer.RecordAsync(fact, TestChronicle.Editor)).ShouldBeOfType<WriteOutcome.Written>(fact.ToString());
    }

    [Fact]
    public async Task A_new_state_code_can_be_allowed()
    {
        var chronicle = await db.NewChronicleAsync();
        var writer = new ChronicleWriter(chronicle.Log, KnownStates.Default.With("SRB"));

        (await writer.RecordAsync(new ChairmanshipAssumed("SRB", D("2030"), Cited), TestChronicle.Editor)).ShouldBeOfType<WriteOutcome.Written>();
        (await chronicle.Writer.RecordAsync(new ChairmanshipAssumed("SRB", D("2031"), Cited), TestChronicle.Editor)).ShouldBeOfType<WriteOutcome.Rejected>();
    }
}
