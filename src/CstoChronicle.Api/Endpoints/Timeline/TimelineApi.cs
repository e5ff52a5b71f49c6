using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Reads;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Serialization;
using Microsoft.AspNetCore.Mvc;
using HttpPointInTime = CstoChronicle.Api.Http.PointInTime;

using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Endpoints.Timeline;

public sealed record TimelineResponse(DateTimeOffset KnownAt, long Position, IReadOnlyList<TimelineItem> Items, string? NextCursor);

/// <summary>Historical events in historical order, filtered and paged by cursor (Link rel="next").</summary>
public static class TimelineApi
{
    public const int DefaultPageSize = 100;

    public static RouteGroupBuilder MapTimelineApi(this RouteGroupBuilder api)
    {
        api.MapGet("/timeline", GetTimelineAsync)
            .WithTags("Timeline")
            .WithName("GetTimeline")
            .WithSummary("Events in historical order")
            .WithDescription("Historical events whose dates (possibly) fall between from and to, in historical order, each with its claim rank. " +
                "Filter by type (repeatable) and entity. Pages: follow the Link rel=\"next\" header (or pass nextCursor as cursor).")
            .WithResponseExample(200, ReadExamples.Timeline)
            .ProducesProblems(400);
        return api;
    }

    private static async Task<CachedJson<TimelineResponse>> GetTimelineAsync(
        string? from, string? to, [FromQuery(Name = "type")] string[]? type, string? entity, string? cursor, int? limit, string? knownAt,
        long? minPosition, PointInTimeReads reads, TimeProvider clock, HttpContext context, CancellationToken ct)
    {
        var first = from is null ? (DateOnly?)null : HttpPointInTime.ParseDate("from", from).Earliest;
        var last = to is null ? (DateOnly?)null : HttpPointInTime.ParseDate("to", to).Latest;
        if (first > last) throw new ProblemException(Problems.InvalidParameter("to", $"'{to}' ends before from '{from}' begins"));
        var types = ParseTypes(type);
        var recorded = HttpPointInTime.ParseKnownAt(knownAt, clock);
        var pageSize = Paging.PageSize(limit, DefaultPageSize);

        TimelineAnswer answer;
        try
        {
            answer = await reads.TimelineAsync(first, last, types, entity, cursor, pageSize, recorded, HttpPointInTime.IsSettled(recorded, clock),
                HttpPointInTime.ParseMinPosition(minPosition), ct);
        }
        catch (InvalidCursorException invalid)
        {
            throw new ProblemException(Problems.InvalidParameter("cursor", invalid.Message));
        }
        NextPageLink.Add(context, answer.NextCursor);
        return CachedJson.For(new TimelineResponse(answer.Basis.KnownAt, answer.Basis.Position, answer.Items, answer.NextCursor),
            HttpPointInTime.IsSettled(recorded, clock));
    }

    private static IReadOnlyCollection<string>? ParseTypes(string[]? values)
    {
        var types = (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).Distinct().ToList();
        var unknown = types.FirstOrDefault(t => !EventTypeRegistry.IsHistorical(t));
        if (unknown is not null)
            throw new ProblemException(Problems.InvalidParameter("type",
                $"'{unknown}' is not an event type of the timeline; known: {string.Join(", ", EventTypeRegistry.HistoricalTypeNames)}"));
        return types.Count == 0 ? null : types;
    }
}
