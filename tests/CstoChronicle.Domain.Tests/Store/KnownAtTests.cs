using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Infrastructure;
using CstoChronicle.Domain.Writing;
using Marten;
using Marten.Services;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Store;

/// <summary>
/// An answer for a knownAt instant that has passed never changes: not even when an append that began before the
/// instant commits after it, with a position below a later, already committed append (decision 0004).
/// </summary>
public class KnownAtTests(ViewsFixture db) : IClassFixture<ViewsFixture>
{
    private static readonly Source TestSource = new("known-at-source", "A source for tests", "Tests", "https://example.org/known-at", null, "2024-01-01", "en");
    private static readonly Citation[] Cited = [new(TestSource.Id, Quote: "a quote")];

    [Fact]
    public async Task A_commit_held_open_across_the_instant_does_not_change_the_answer_for_it()
    {
        var writer = db.Chronicle.Writer;
        (await writer.RegisterSourceAsync(TestSource, "editor@test")).ShouldBeOfType<WriteOutcome.Written>();
        (await writer.RecordAsync(new StateAcceded("ARM", On("1992-05-15"), Cited), "editor@test")).ShouldBeOfType<WriteOutcome.Written>();
        await db.KnownNowAsync();

        // An append through Marten, inline projection and all, whose transaction the test holds open.
        await using var connection = await db.DataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long held;
        await using (var session = db.Chronicle.Store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            var action = session.Events.StartStream("KAZ", new StateAcceded("KAZ", On("1992-05-15"), Cited));
            await session.SaveChangesAsync();
            held = action.Events[0].Sequence;
        }
        var later = (await writer.RecordAsync(new StateAcceded("BLR", On("1993-12-31"), Cited), "editor@test")).ShouldBeOfType<WriteOutcome.Written>();
        later.Position.ShouldBeGreaterThan(held);

        // Longer than the stale-sequence threshold: Marten's mark must still wait for the live transaction.
        await Task.Delay(TimeSpan.FromSeconds(4));
        var instant = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        var before = await MembersAsync(instant);

        await transaction.CommitAsync();
        await db.KnownNowAsync();
        var after = await MembersAsync(instant);
        var now = await MembersAsync(null);

        before.States.ShouldBe(["ARM"]);
        before.Position.ShouldBeLessThan(held);
        after.States.ShouldBe(before.States);
        after.Position.ShouldBe(before.Position);
        now.States.ShouldBe(["ARM", "BLR", "KAZ"]);
    }

    private async Task<(string[] States, long Position)> MembersAsync(DateTimeOffset? knownAt)
    {
        var answer = await db.Chronicle.Queries.MembersAsync(Day("2000-01-01"), knownAt);
        return (answer.Members.Select(m => m.State).Order().ToArray(), answer.Basis.Position);
    }
}
