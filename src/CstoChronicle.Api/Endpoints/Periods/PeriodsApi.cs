using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using HttpPointInTime = CstoChronicle.Api.Http.PointInTime;

namespace CstoChronicle.Api.Endpoints.Periods;

/// <summary>The whole history as periods, lane by lane: what the timeline page's chart draws.</summary>
public static class PeriodsApi
{
    public static RouteGroupBuilder MapPeriodsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/periods", async (string? view, string? knownAt, ChronicleQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var views = ParseViews(view);
            var recorded = HttpPointInTime.ParseKnownAt(knownAt, clock);
            var answer = await queries.PeriodsAsync(views, recorded, ct);
            return CachedJson.For(
                new PeriodsResponse(answer.Basis.KnownAt, answer.Basis.Position, answer.Views.Select(PeriodViews.Name).ToList(), answer.Lanes),
                HttpPointInTime.IsSettled(recorded, clock));
        })
        .WithTags("Point in time")
        .WithName("GetPeriods")
        .WithSummary("The whole history as periods")
        .WithDescription(
            "For each asked view (`membership`: one lane per state; `secretary-general`; `chairmanship`; `bodies`: one lane per body; "
            + "`documents`: one lane per treaty or agreement) the periods from 1992 to today, as recorded by knownAt: each with its "
            + "value (a status, a person id, a state code, a name), its start and end as EDTF dates with the days each may mean and "
            + "whether that day is known (`certain`) or not (`possible`), the period's own certainty, the events behind it, and every "
            + "claim with its rank: the chosen claims that open (`start`) and close it (`end`) and those the ranking set aside "
            + "(`competing`: deprecated, or outranked by a preferred claim). A period holds on a day exactly when the point-in-time "
            + "endpoints answer its value there. Membership lanes go on as `withdrawn` after a withdrawal.")
        .WithResponseExample(200, PeriodsExample.Response)
        .ProducesProblems(400);
        return api;
    }

    /// <summary>A comma-separated list of view names; none: every view.</summary>
    private static IReadOnlyCollection<PeriodView> ParseViews(string? text)
    {
        if (text is null) return PeriodViews.All;
        var views = new HashSet<PeriodView>();
        foreach (var name in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!PeriodViews.TryParse(name, out var view))
                throw new ProblemException(Problems.InvalidParameter("view",
                    $"'{(name.Length > 40 ? name[..40] + "…" : name)}' is not a view; give one or more of {string.Join(", ", PeriodViews.All.Select(PeriodViews.Name))}, separated by commas"));
            views.Add(view);
        }
        return views;
    }
}

/// <summary>The basis (knownAt, position; no asOf, the answer spans all history), the views answered and their lanes.</summary>
public sealed record PeriodsResponse(DateTimeOffset KnownAt, long Position, IReadOnlyList<string> Views, IReadOnlyList<PeriodLane> Lanes);
