using System.Text.Json;
using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Domain.Tests.Queries.Settled;

/// <summary>
/// The views kept by position answer from stretches between change points: on every day they must say exactly what
/// the fold says, and what the query reading the claim tables says.
/// </summary>
public class PointInTimeViewTests(DatasetFixture db) : IClassFixture<DatasetFixture>
{
    private static readonly DateOnly First = new(1990, 1, 1);
    private static readonly DateOnly Last = new(2031, 12, 31);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ChronicleJson.Options);

    private async Task<long> HeadAsync() => (await db.Chronicle.Queries.MembersAsync(new DateOnly(2000, 1, 1))).Basis.Position;

    [Fact]
    public async Task Membership_from_its_change_points_equals_the_fold_on_every_day_from_1990_to_2031()
    {
        var view = await db.Chronicle.Queries.MembershipViewAsync(await HeadAsync());

        view.ChangePoints.ShouldBeGreaterThan(5);
        for (var day = First; day <= Last; day = day.AddDays(1))
            Json(view.On(day).Answer).ShouldBe(Json(view.Fold(day)), $"members on {day:yyyy-MM-dd}");
    }

    [Fact]
    public async Task The_office_and_the_chair_from_their_change_points_equal_the_folds_on_every_day_from_1990_to_2031()
    {
        var head = await HeadAsync();
        var office = await db.Chronicle.Queries.SecretaryGeneralViewAsync(head);
        var chair = await db.Chronicle.Queries.ChairmanshipViewAsync(head);

        for (var day = First; day <= Last; day = day.AddDays(1))
        {
            Json(office.On(day).Answer).ShouldBe(Json(office.Fold(day)), $"Secretary General on {day:yyyy-MM-dd}");
            Json(chair.On(day).Answer).ShouldBe(Json(chair.Fold(day)), $"chair on {day:yyyy-MM-dd}");
        }
    }

    [Fact]
    public async Task Views_answer_what_the_queries_answer_on_forty_random_days()
    {
        var head = await HeadAsync();
        var members = await db.Chronicle.Queries.MembershipViewAsync(head);
        var office = await db.Chronicle.Queries.SecretaryGeneralViewAsync(head);
        var chair = await db.Chronicle.Queries.ChairmanshipViewAsync(head);
        var random = new Random(15);
        var days = Enumerable.Range(0, 40).Select(_ => First.AddDays(random.Next(Last.DayNumber - First.DayNumber))).ToList();

        foreach (var day in days)
        {
            Json((await db.Chronicle.Queries.MembersAsync(day)).Members).ShouldBe(Json(members.On(day).Answer), $"members on {day:yyyy-MM-dd}");
            Json((await db.Chronicle.Queries.SecretaryGeneralAsync(day)).Holder).ShouldBe(Json(office.On(day).Answer), $"office on {day:yyyy-MM-dd}");
            Json((await db.Chronicle.Queries.ChairmanshipAsync(day)).Chair).ShouldBe(Json(chair.On(day).Answer), $"chair on {day:yyyy-MM-dd}");
        }
    }

    [Fact]
    public async Task Equal_stretches_mean_equal_answers_and_a_stretch_changes_only_at_a_change_point()
    {
        var view = await db.Chronicle.Queries.MembershipViewAsync(await HeadAsync());

        var (before, stretchBefore) = view.On(new DateOnly(2006, 8, 15));
        var (after, stretchAfter) = view.On(new DateOnly(2006, 8, 16));

        stretchAfter.ShouldNotBe(stretchBefore);
        Json(after).ShouldNotBe(Json(before));
        view.On(new DateOnly(2006, 8, 20)).Stretch.ShouldBe(view.On(new DateOnly(2006, 8, 21)).Stretch);
    }
}
