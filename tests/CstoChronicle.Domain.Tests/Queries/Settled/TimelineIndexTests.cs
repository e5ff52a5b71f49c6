using System.Text.Json;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.Settled;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Tests.Projections;

namespace CstoChronicle.Domain.Tests.Queries.Settled;

/// <summary>
/// The timeline held in memory must answer every page exactly as the SQL over chr_timeline does, at every settled
/// position it holds: before a correction, after it, after a retraction; loaded whole or advanced step by step.
/// </summary>
public class TimelineIndexTests(CorrectedDatasetFixture db) : IClassFixture<CorrectedDatasetFixture>
{
    private ChronicleQueries Queries => db.Chronicle.Queries;

    private static string Json(TimelineAnswer answer) => JsonSerializer.Serialize(answer, ChronicleJson.Options);

    private async Task<(long BeforeCorrection, long AfterCorrection, long AfterRetraction)> PositionsAsync() =>
        (await Queries.ResolveKnownAtAsync(db.BeforeCorrection), await Queries.ResolveKnownAtAsync(db.AfterCorrection),
         await Queries.ResolveKnownAtAsync(db.AfterRetraction));

    private static IEnumerable<(DateOnly? From, DateOnly? To, string[]? Types)> Questions()
    {
        yield return (null, null, null);
        yield return (new DateOnly(1993, 1, 1), new DateOnly(1993, 12, 31), null);
        yield return (new DateOnly(2010, 12, 20), new DateOnly(2010, 12, 31), null);
        yield return (new DateOnly(2006, 6, 1), null, null);
        yield return (null, new DateOnly(1995, 1, 1), null);
        yield return (null, null, ["StateAcceded", "ChairmanshipAssumed"]);
        var random = new Random(108);
        for (var i = 0; i < 25; i++)
        {
            var from = new DateOnly(1990, 1, 1).AddDays(random.Next(37 * 365));
            yield return (from, from.AddDays(random.Next(1, 800)), i % 5 == 0 ? ["SecretaryGeneralAppointed"] : null);
        }
    }

    /// <summary>Every page of every question, followed by cursor, from the index and from SQL, side by side.</summary>
    private async Task ShouldAnswerAsTheDatabaseAsync(TimelineIndex index, long at, DateTimeOffset knownAt)
    {
        foreach (var (from, to, types) in Questions())
        foreach (var limit in new[] { 1, 7, 100 })
        {
            string? cursor = null;
            var pages = 0;
            do
            {
                var expected = await Queries.TimelineAtAsync(at, knownAt, from, to, types, null, cursor, limit);
                var actual = index.Page(at, knownAt, from, to, types, cursor, limit);
                Json(actual).ShouldBe(Json(expected), $"at {at}, from {from}, to {to}, types {string.Join(",", types ?? [])}, limit {limit}, page {pages}");
                cursor = expected.NextCursor;
            } while (cursor is not null && ++pages < 12);
        }
    }

    /// <summary>As the database, before the correction, after it and after the retraction.</summary>
    private async Task ShouldAnswerAsTheDatabaseAtEveryPositionAsync(TimelineIndex index)
    {
        var (beforeCorrection, afterCorrection, afterRetraction) = await PositionsAsync();
        await ShouldAnswerAsTheDatabaseAsync(index, beforeCorrection, db.BeforeCorrection);
        await ShouldAnswerAsTheDatabaseAsync(index, afterCorrection, db.AfterCorrection);
        await ShouldAnswerAsTheDatabaseAsync(index, afterRetraction, db.AfterRetraction);
    }

    [Fact]
    public async Task An_index_advanced_over_a_correction_and_a_retraction_answers_as_the_database_at_every_position()
    {
        var (beforeCorrection, afterCorrection, afterRetraction) = await PositionsAsync();
        var index = TimelineIndex.Build(beforeCorrection, await Queries.TimelineRowsAsync(0, beforeCorrection));
        await ShouldAnswerAsTheDatabaseAsync(index, beforeCorrection, db.BeforeCorrection);

        index = index.Advance(afterCorrection, await Queries.TimelineRowsAsync(beforeCorrection, afterCorrection));
        index = index.Advance(afterRetraction, await Queries.TimelineRowsAsync(afterCorrection, afterRetraction));

        index.Position.ShouldBe(afterRetraction);
        await ShouldAnswerAsTheDatabaseAtEveryPositionAsync(index);
    }

    [Fact]
    public async Task An_index_advanced_a_few_positions_at_a_time_with_its_recent_rows_merged_past_a_small_limit_answers_as_the_database()
    {
        var (beforeCorrection, _, afterRetraction) = await PositionsAsync();
        // Half the dataset held, then the rest in steps: with a limit of 8, classes keep rows apart and merge them in, over and over.
        var position = beforeCorrection / 2;
        var index = TimelineIndex.Build(position, await Queries.TimelineRowsAsync(0, position), recentLimit: 8);
        while (position < afterRetraction)
        {
            var next = Math.Min(afterRetraction, position + 25);
            index = index.Advance(next, await Queries.TimelineRowsAsync(position, next));
            position = next;
        }

        index.Count.ShouldBe(TimelineIndex.Build(afterRetraction, await Queries.TimelineRowsAsync(0, afterRetraction)).Count);
        await ShouldAnswerAsTheDatabaseAtEveryPositionAsync(index);
    }

    [Fact]
    public async Task An_index_loaded_whole_after_the_correction_answers_as_the_database_before_and_after_it()
    {
        var (beforeCorrection, _, afterRetraction) = await PositionsAsync();
        var index = TimelineIndex.Build(afterRetraction, await Queries.TimelineRowsAsync(0, afterRetraction));

        index.Count.ShouldBeGreaterThan(300);
        await ShouldAnswerAsTheDatabaseAsync(index, beforeCorrection, db.BeforeCorrection);
        await ShouldAnswerAsTheDatabaseAsync(index, afterRetraction, db.AfterRetraction);
    }

    [Fact]
    public async Task The_corrected_fact_moves_and_the_retracted_one_leaves_the_page_at_their_positions()
    {
        var (beforeCorrection, _, afterRetraction) = await PositionsAsync();
        var index = TimelineIndex.Build(afterRetraction, await Queries.TimelineRowsAsync(0, afterRetraction));
        var belarus = db.Data.Id("blr-joined-treaty-1993");
        var kazakhstanChair = db.Data.Id("chair-kaz-2017-11-30");

        TimelineItem BelarusOn(long at, DateTimeOffset knownAt) =>
            index.Page(at, knownAt, new DateOnly(1993, 1, 1), new DateOnly(1993, 12, 31), null, null, 500).Items.Single(i => i.EventId == belarus);
        bool ChairListed(long at, DateTimeOffset knownAt) =>
            index.Page(at, knownAt, new DateOnly(2017, 11, 1), new DateOnly(2017, 12, 31), null, null, 500).Items.Any(i => i.EventId == kazakhstanChair);

        BelarusOn(beforeCorrection, db.BeforeCorrection).EventIds.ShouldBe([belarus]);
        BelarusOn(afterRetraction, db.AfterRetraction).EventIds.ShouldBe([belarus, db.Correction.EventId]);
        BelarusOn(afterRetraction, db.AfterRetraction).On.Text.ShouldBe("1993-12-31");
        ChairListed(beforeCorrection, db.BeforeCorrection).ShouldBeTrue();
        ChairListed(afterRetraction, db.AfterRetraction).ShouldBeFalse();
    }

    [Fact]
    public async Task A_cursor_the_timeline_did_not_issue_is_refused()
    {
        var (_, _, afterRetraction) = await PositionsAsync();
        var index = TimelineIndex.Build(afterRetraction, await Queries.TimelineRowsAsync(0, afterRetraction));

        Should.Throw<InvalidCursorException>(() => index.Page(afterRetraction, db.AfterRetraction, null, null, null, "not-a-cursor", 10));
        Should.Throw<ArgumentOutOfRangeException>(() => index.Page(afterRetraction + 1, db.AfterRetraction, null, null, null, null, 10));
    }
}
