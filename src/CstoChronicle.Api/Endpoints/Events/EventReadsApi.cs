using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using Microsoft.AspNetCore.Http.HttpResults;
using HttpPointInTime = CstoChronicle.Api.Http.PointInTime;

using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Endpoints.Events;

/// <summary>Single events, an entity's whole history, and the audit trail in recorded order.</summary>
public static class EventReadsApi
{
    public const int DefaultAuditPageSize = 100;

    public static RouteGroupBuilder MapEventReadsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/events/{id}", GetEventAsync)
            .WithTags("Events")
            .WithName("GetEvent")
            .WithSummary("One event with its sources and fate")
            .WithDescription("Type, historical date, data, sources (resolved: title, URL, quote), when and by whom it was recorded, its position, and the correction or retraction that superseded it (as known at knownAt).")
            .WithResponseExample(200, ReadExamples.Event)
            .ProducesProblems(400, 404);

        api.MapGet("/entities/{id}/history", GetHistoryAsync)
            .WithTags("Events")
            .WithName("GetEntityHistory")
            .WithSummary("Every event of one entity")
            .WithDescription("The entity's stream in recorded order (a state's ISO 3166-1 alpha-3 code, or a slug), corrections and retractions included. `version` is the stream's version: send it as If-Match to write on that basis.")
            .WithResponseExample(200, ReadExamples.History)
            .ProducesProblems(400, 404);

        api.MapGet("/audit", GetAuditAsync)
            .WithTags("Events")
            .WithName("GetAudit")
            .WithSummary("The audit trail: what was recorded, when, by whom, why, citing what")
            .WithDescription("Every recorded event in recorded order, optionally of one entity and between two recorded instants (inclusive): RFC 3339, or a date " +
                "(YYYY, YYYY-MM or YYYY-MM-DD) read as the start (from) or the end (to) of its days in UTC. Pages: follow Link rel=\"next\".")
            .WithResponseExample(200, ReadExamples.Audit)
            .ProducesProblems(400);
        return api;
    }

    private static async Task<Results<CachedJson<EventResponse>, ProblemHttpResult>> GetEventAsync(
        string id, string? knownAt, ChronicleQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var eventId = ParseEventId(id);
        var recorded = HttpPointInTime.ParseKnownAt(knownAt, clock);
        var answer = await queries.EventAsync(eventId, recorded, ct);
        if (answer is null) return TypedResults.Problem(Problems.NotFound("event", id));
        return CachedJson.For(new EventResponse(answer.Basis.KnownAt, answer.Basis.Position, answer.Event), HttpPointInTime.IsSettled(recorded, clock));
    }

    private static async Task<Results<CachedJson<EntityHistoryResponse>, ProblemHttpResult>> GetHistoryAsync(
        string id, string? knownAt, ChronicleQueries queries, TimeProvider clock, CancellationToken ct)
    {
        var recorded = HttpPointInTime.ParseKnownAt(knownAt, clock);
        var answer = await queries.EntityHistoryAsync(id, recorded, ct);
        if (answer.Events.Count == 0) return TypedResults.Problem(Problems.NotFound("entity", id));
        return CachedJson.For(
            new EntityHistoryResponse(answer.Entity, answer.Basis.KnownAt, answer.Basis.Position, answer.Events.Max(e => e.Version), answer.Events),
            HttpPointInTime.IsSettled(recorded, clock));
    }

    private static async Task<CachedJson<AuditResponse>> GetAuditAsync(
        string? entity, string? from, string? to, string? cursor, int? limit, ChronicleQueries queries, TimeProvider clock,
        HttpContext context, CancellationToken ct)
    {
        var first = from is null ? (DateTimeOffset?)null : HttpPointInTime.ParseInstantOrDate("from", from, endOfDay: false);
        var last = to is null ? (DateTimeOffset?)null : HttpPointInTime.ParseInstantOrDate("to", to, endOfDay: true);
        if (first > last) throw new ProblemException(Problems.InvalidParameter("to", $"'{to}' is before from '{from}'"));
        var pageSize = Paging.PageSize(limit, DefaultAuditPageSize);

        AuditAnswer answer;
        try
        {
            answer = await queries.AuditAsync(entity, first, last, cursor, pageSize, ct);
        }
        catch (InvalidCursorException invalid)
        {
            throw new ProblemException(Problems.InvalidParameter("cursor", invalid.Message));
        }
        NextPageLink.Add(context, answer.NextCursor);
        return CachedJson.For(new AuditResponse(first, last, answer.Basis.Position, answer.Entries, answer.NextCursor),
            HttpPointInTime.IsSettled(last, clock));
    }

    public static Guid ParseEventId(string id) =>
        Guid.TryParseExact(id, "D", out var eventId)
            ? eventId
            : throw new ProblemException(Problems.InvalidParameter("id", $"'{(id.Length > 40 ? id[..40] + "..." : id)}' is not an event id (a UUID such as 0192f1a4-7c1e-7d2a-9c3b-5e8f00112233)"));
}
