using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Writing;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Projections;

/// <summary>One fact corrected twice, then retracted: each knownAt (an instant the high-water mark had reached) sees the version current then.</summary>
public class CorrectionSequenceTests(ViewsFixture db) : IClassFixture<ViewsFixture>
{
    private static readonly Source TestSource = new("sequence-source", "A source for tests", "Tests", "https://example.org/sequence", null, "2024-01-01", "en");
    private static readonly IReadOnlyList<Citation> Cited = [new Citation(TestSource.Id, Quote: "a quote")];

    [Fact]
    public async Task Every_knownAt_sees_the_version_of_the_fact_current_at_that_instant()
    {
        var writer = db.Chronicle.Writer;
        (await writer.RegisterSourceAsync(TestSource, "editor@test")).ShouldBeOfType<WriteOutcome.Written>();
        var beforeFact = await db.KnownNowAsync();
        var fact = (await writer.RecordAsync(new StateAcceded("KAZ", On("1992"), Cited), "editor@test")).ShouldBeOfType<WriteOutcome.Written>();
        var afterFact = await db.KnownNowAsync();
        var first = (await writer.CorrectAsync(fact.EventId, "the month", Cited, new StateAcceded("KAZ", On("1992-05"), Cited), "editor@test"))
            .ShouldBeOfType<WriteOutcome.Written>();
        var afterFirst = await db.KnownNowAsync();
        var second = (await writer.CorrectAsync(fact.EventId, "the day", Cited, new StateAcceded("KAZ", On("1992-05-15"), Cited), "editor@test",
                ExpectedVersion.Exact(first.Version)))
            .ShouldBeOfType<WriteOutcome.Written>();
        var afterSecond = await db.KnownNowAsync();
        var retraction = (await writer.RetractAsync(fact.EventId, "not a fact after all", Cited, "editor@test",
            ExpectedVersion.Exact(second.Version))).ShouldBeOfType<WriteOutcome.Written>();
        var afterRetraction = await db.KnownNowAsync();

        (await SinceAsync(beforeFact)).ShouldBeNull();
        (await SinceAsync(afterFact)).ShouldBe("1992");
        (await SinceAsync(afterFirst)).ShouldBe("1992-05");
        (await SinceAsync(afterSecond)).ShouldBe("1992-05-15");
        (await SinceAsync(afterRetraction)).ShouldBeNull();

        var history = await db.Chronicle.Queries.EntityHistoryAsync("KAZ");
        history.Events.Select(e => e.EventId).ShouldBe([fact.EventId, first.EventId, second.EventId, retraction.EventId]);
        history.Events[0].SupersededBy.ShouldBe(first.EventId);
        history.Events[0].RetractedBy.ShouldBe(retraction.EventId);
    }

    private async Task<string?> SinceAsync(DateTimeOffset knownAt) =>
        (await db.Chronicle.Queries.MembersAsync(Day("1993-01-01"), knownAt)).Members.SingleOrDefault(m => m.State == "KAZ")?.Since.Text;
}
