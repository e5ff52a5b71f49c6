using System.Text.Json;
using CstoChronicle.Api.Endpoints.Writing;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Idempotency;
using CstoChronicle.Api.Security;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Endpoints.Events;

/// <summary>A historical fact: its type (e.g. StateAcceded) and its data as in docs/event-catalog.md.</summary>
public sealed record RecordEventRequest(string Type, JsonElement Data);

/// <summary>Supersedes a fact: why, on whose word, and the full corrected data (of the fact's type and entity).</summary>
public sealed record CorrectionRequest(string Reason, IReadOnlyList<Citation> Sources, JsonElement Replacement);

/// <summary>Withdraws a fact: why and on whose word.</summary>
public sealed record RetractionRequest(string Reason, IReadOnlyList<Citation> Sources);

/// <summary>Recording, correcting and retracting facts. Every write names its recorder by its API key, never by its body.</summary>
public static class EventWritesApi
{
    public static RouteGroupBuilder MapEventWritesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events")
            .RequireAuthorization(ChroniclePolicies.Editor)
            .RequireRateLimiting(WriteRateLimit.Policy)
            .WithIdempotency();

        group.MapPost("", RecordAsync)
            .WithName("RecordEvent")
            .WithSummary("Record a historical fact (editor)")
            .WithDescription("Appends one fact to its entity's stream after validation (known state, registered sources, a real EDTF date, a consistent history). " +
                "If-Match pins the stream version (412 if it moved on); Idempotency-Key makes a retry safe.")
            .WithResponseExample(201, WriteExamples.Recorded)
            .WithResponseExample(200, WriteExamples.Repeated)
            .ProducesProblems(400, 401, 403, 409, 412, 413, 415, 422, 429);

        group.MapPost("/{id}/corrections", CorrectAsync)
            .WithName("CorrectEvent")
            .WithSummary("Correct a fact (editor)")
            .WithDescription("Appends a correction that supersedes the fact; the fact itself stays, and answers at an earlier knownAt still show it. " +
                "A fact that was corrected before is amended again only with If-Match (409 fact-amended without it).")
            .WithResponseExample(201, WriteExamples.Recorded)
            .WithResponseExample(200, WriteExamples.Repeated)
            .ProducesProblems(400, 401, 403, 404, 409, 412, 413, 415, 422, 429);

        group.MapPost("/{id}/retractions", RetractAsync)
            .WithName("RetractEvent")
            .WithSummary("Retract a fact (editor)")
            .WithDescription("Appends a retraction that withdraws the fact, with the reason and the sources for doing so. " +
                "A fact that was corrected before is retracted only with If-Match (409 fact-amended without it).")
            .WithResponseExample(201, WriteExamples.Recorded)
            .WithResponseExample(200, WriteExamples.Repeated)
            .ProducesProblems(400, 401, 403, 404, 409, 412, 413, 415, 422, 429);
        return api;
    }

    private static async Task<Results<Created<WriteReceipt>, Ok<WriteReceipt>, ProblemHttpResult>> RecordAsync(
        RecordEventRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = IdempotentWrite.Header)] string? idempotencyKey,
        ChronicleWriter writer, HttpContext context, CancellationToken ct)
    {
        var expected = ExpectedVersionHeader.Parse(ifMatch);
        var outcome = await writer.RecordAsync(body.Type, body.Data.GetRawText(), RecordedBy.Of(context), WriteAnswers.Expected(expected),
            context.TraceIdentifier, eventId: IdempotentWrite.EventIdOf(context), ct: ct);
        return WriteAnswers.From(outcome, context, expected, Location(outcome), fieldPrefix: "data.");
    }

    private static async Task<Results<Created<WriteReceipt>, Ok<WriteReceipt>, ProblemHttpResult>> CorrectAsync(
        string id, CorrectionRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = IdempotentWrite.Header)] string? idempotencyKey,
        ChronicleWriter writer, HttpContext context, CancellationToken ct)
    {
        var target = EventReadsApi.ParseEventId(id);
        var expected = ExpectedVersionHeader.Parse(ifMatch);
        var outcome = await writer.CorrectAsync(target, body.Reason, body.Sources, body.Replacement, RecordedBy.Of(context),
            WriteAnswers.Expected(expected), context.TraceIdentifier, ct, eventId: IdempotentWrite.EventIdOf(context));
        return WriteAnswers.From(outcome, context, expected, Location(outcome));
    }

    private static async Task<Results<Created<WriteReceipt>, Ok<WriteReceipt>, ProblemHttpResult>> RetractAsync(
        string id, RetractionRequest body,
        [FromHeader(Name = "If-Match")] string? ifMatch,
        [FromHeader(Name = IdempotentWrite.Header)] string? idempotencyKey,
        ChronicleWriter writer, HttpContext context, CancellationToken ct)
    {
        var target = EventReadsApi.ParseEventId(id);
        var expected = ExpectedVersionHeader.Parse(ifMatch);
        var outcome = await writer.RetractAsync(target, body.Reason, body.Sources, RecordedBy.Of(context),
            WriteAnswers.Expected(expected), context.TraceIdentifier, ct, eventId: IdempotentWrite.EventIdOf(context));
        return WriteAnswers.From(outcome, context, expected, Location(outcome));
    }

    private static string Location(WriteOutcome outcome) =>
        outcome is WriteOutcome.Written written ? $"/api/v1/events/{written.EventId}" : "";
}
