using CstoChronicle.Api.Endpoints.Writing;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Idempotency;
using CstoChronicle.Api.Security;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Writing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Endpoints.Sources;

public sealed record SourcesResponse(long Position, IReadOnlyList<Source> Sources);

public sealed record SourceResponse(long Position, Source Source, IReadOnlyList<CitingEvent> CitedBy);

/// <summary>A source to register once: a slug id, a title, and where to read it (url or seedFile).</summary>
public sealed record RegisterSourceRequest(
    string Id, string Title, string Language,
    string? Publisher = null, string? Url = null, string? SeedFile = null, string? Published = null);

/// <summary>The register of sources every claim cites.</summary>
public static class SourcesApi
{
    public static RouteGroupBuilder MapSourcesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sources").WithTags("Sources");

        group.MapGet("", async (ChronicleQueries queries, CancellationToken ct) =>
        {
            var answer = await queries.SourcesAsync(ct);
            return CachedJson.For(new SourcesResponse(answer.Basis.Position, answer.Sources));
        })
        .WithName("GetSources")
        .WithSummary("Every registered source")
        .WithResponseExample(200, ReadExamples.Sources);

        group.MapGet("/{id}", GetSourceAsync)
            .WithName("GetSource")
            .WithSummary("A source and every event that cites it")
            .WithDescription("The source's title, publisher, URL or seed file, published date and language, and each event citing it with the locator and quote.")
            .WithResponseExample(200, ReadExamples.Source)
            .ProducesProblems(404);

        group.MapPost("", RegisterAsync)
            .RequireAuthorization(ChroniclePolicies.Editor)
            .RequireRateLimiting(WriteRateLimit.Policy)
            .WithIdempotency()
            .WithName("RegisterSource")
            .WithSummary("Register a source (editor)")
            .WithDescription("Registers a source once. The same content again answers 200 with alreadyRecorded; other content under a registered id is refused (422): a registered source never changes.")
            .WithResponseExample(201, WriteExamples.SourceRegistered)
            .WithResponseExample(200, WriteExamples.SourceRegistered with { AlreadyRecorded = true })
            .ProducesProblems(400, 401, 403, 413, 415, 422, 429);
        return api;
    }

    private static async Task<Results<CachedJson<SourceResponse>, ProblemHttpResult>> GetSourceAsync(string id, ChronicleQueries queries, CancellationToken ct)
    {
        var answer = await queries.SourceAsync(id, ct);
        return answer is null
            ? TypedResults.Problem(Problems.NotFound("source", id))
            : CachedJson.For(new SourceResponse(answer.Basis.Position, answer.Source, answer.CitedBy));
    }

    private static async Task<Results<Created<WriteReceipt>, Ok<WriteReceipt>, ProblemHttpResult>> RegisterAsync(
        RegisterSourceRequest body,
        [FromHeader(Name = IdempotentWrite.Header)] string? idempotencyKey,
        ChronicleWriter writer, HttpContext context, CancellationToken ct)
    {
        var source = new Source(body.Id, body.Title, body.Publisher, body.Url, body.SeedFile, body.Published, body.Language);
        var outcome = await writer.RegisterSourceAsync(source, RecordedBy.Of(context), context.TraceIdentifier, ct);
        return WriteAnswers.From(outcome, context, null, $"/api/v1/sources/{Uri.EscapeDataString(body.Id)}");
    }
}
