using CstoChronicle.Api.Http;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Reads;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries;
using Microsoft.AspNetCore.Http.HttpResults;
using HttpPointInTime = CstoChronicle.Api.Http.PointInTime;

using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Endpoints.PointInTime;

/// <summary>Who held what on a historical day, as known at a recorded instant: members, Secretary General and other offices, chair, bodies, documents, changes.</summary>
public static class PointInTimeApi
{
    public static RouteGroupBuilder MapPointInTimeApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Point in time");

        group.MapGet("/members", async (string? asOf, string? knownAt, long? minPosition, PointInTimeReads reads, TimeProvider clock, CancellationToken ct) =>
        {
            var time = HttpPointInTime.Parse(asOf, knownAt, clock);
            var read = await reads.MembersAsync(time.AsOf, time.KnownAt, time.KnownAtIsSettled, HttpPointInTime.ParseMinPosition(minPosition), ct);
            return CachedJson.For(new MembersResponse(time.AsOf, read.KnownAt, read.Position, read.Answer), time.KnownAtIsSettled);
        })
        .WithName("GetMembers")
        .WithSummary("The member states on a day")
        .WithDescription("States that were (certainly or possibly) members, suspended or frozen on asOf, as recorded by knownAt. States that had left are not listed. Each member says since when, how certain, and on which events.")
        .WithResponseExample(200, ReadExamples.Members)
        .ProducesProblems(400);

        group.MapGet("/offices/secretary-general", async (string? asOf, string? knownAt, long? minPosition, PointInTimeReads reads, TimeProvider clock, CancellationToken ct) =>
        {
            var time = HttpPointInTime.Parse(asOf, knownAt, clock);
            var read = await reads.SecretaryGeneralAsync(time.AsOf, time.KnownAt, time.KnownAtIsSettled, HttpPointInTime.ParseMinPosition(minPosition), ct);
            return CachedJson.For(new SecretaryGeneralResponse(time.AsOf, read.KnownAt, read.Position, read.Answer), time.KnownAtIsSettled);
        })
        .WithName("GetSecretaryGeneral")
        .WithSummary("The Secretary General on a day")
        .WithDescription("The holder of the office on asOf (acting or appointed), or null when the office was vacant or did not exist yet.")
        .WithResponseExample(200, ReadExamples.SecretaryGeneral)
        .ProducesProblems(400);

        group.MapGet("/offices", async (string? asOf, string? knownAt, long? minPosition, PointInTimeReads reads, TimeProvider clock, CancellationToken ct) =>
        {
            var time = HttpPointInTime.Parse(asOf, knownAt, clock);
            var read = await reads.OfficesAsync(time.AsOf, time.KnownAt, time.KnownAtIsSettled, HttpPointInTime.ParseMinPosition(minPosition), ct);
            return CachedJson.For(new OfficesResponse(time.AsOf, read.KnownAt, read.Position, read.Answer), time.KnownAtIsSettled);
        })
        .WithName("GetOffices")
        .WithSummary("Every office and its holder on a day")
        .WithDescription("The offices the chronicle records (the Secretary General first, then the Chief of the Joint Staff and the commander of the 2022 peacekeeping operation in Kazakhstan), each with its holder on asOf (acting or appointed), or null when the office was vacant, did not exist yet, or no holder is recorded.")
        .WithResponseExample(200, ReadExamples.Offices)
        .ProducesProblems(400);

        group.MapGet("/offices/{office}", GetOfficeAsync)
        .WithName("GetOffice")
        .WithSummary("The holder of one office on a day")
        .WithDescription("The holder of the office (for example chief-of-joint-staff) on asOf, or null when it was vacant or no holder is recorded. /offices lists the offices; /offices/secretary-general keeps its own shape.")
        .WithResponseExample(200, ReadExamples.Office)
        .ProducesProblems(400, 404);

        group.MapGet("/chairmanship", async (string? asOf, string? knownAt, long? minPosition, PointInTimeReads reads, TimeProvider clock, CancellationToken ct) =>
        {
            var time = HttpPointInTime.Parse(asOf, knownAt, clock);
            var read = await reads.ChairmanshipAsync(time.AsOf, time.KnownAt, time.KnownAtIsSettled, HttpPointInTime.ParseMinPosition(minPosition), ct);
            return CachedJson.For(new ChairmanshipResponse(time.AsOf, read.KnownAt, read.Position, read.Answer), time.KnownAtIsSettled);
        })
        .WithName("GetChairmanship")
        .WithSummary("The chairing state on a day")
        .WithDescription("The state chairing the organization on asOf, or null when none is known.")
        .WithResponseExample(200, ReadExamples.Chairmanship)
        .ProducesProblems(400);

        group.MapGet("/bodies", async (string? asOf, string? knownAt, ChronicleQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var time = HttpPointInTime.Parse(asOf, knownAt, clock);
            var answer = await queries.BodiesAsync(time.AsOf, time.KnownAt, ct);
            return CachedJson.For(new BodiesResponse(time.AsOf, answer.Basis.KnownAt, answer.Basis.Position, answer.Bodies), time.KnownAtIsSettled);
        })
        .WithName("GetBodies")
        .WithSummary("The organization's bodies on a day")
        .WithDescription("Bodies (councils, forces, the secretariat) that existed on asOf, under the name they bore then.")
        .WithResponseExample(200, ReadExamples.Bodies)
        .ProducesProblems(400);

        group.MapGet("/documents", async (string? asOf, string? knownAt, ChronicleQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            var time = HttpPointInTime.Parse(asOf, knownAt, clock);
            var answer = await queries.DocumentsAsync(time.AsOf, time.KnownAt, ct);
            return CachedJson.For(new DocumentsResponse(time.AsOf, answer.Basis.KnownAt, answer.Basis.Position, answer.Documents), time.KnownAtIsSettled);
        })
        .WithName("GetDocuments")
        .WithSummary("Treaties and agreements signed by a day")
        .WithDescription("Documents signed by asOf, whether in force, and which states had ratified them.")
        .WithResponseExample(200, ReadExamples.Documents)
        .ProducesProblems(400);

        group.MapGet("/changes", async (string? from, string? to, string? knownAt, ChronicleQueries queries, TimeProvider clock, CancellationToken ct) =>
        {
            if (string.IsNullOrEmpty(from))
                throw new ProblemException(Problems.InvalidParameter("from", "is required: the first day of the range, e.g. 2012 or 2012-01-01"));
            var first = HttpPointInTime.ParseDate("from", from).Earliest;
            var last = to is null ? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime) : HttpPointInTime.ParseDate("to", to).Latest;
            if (last < first)
                throw new ProblemException(Problems.InvalidParameter("to", $"'{to}' ends before from '{from}' begins"));
            var recorded = HttpPointInTime.ParseKnownAt(knownAt, clock);
            var answer = await queries.ChangesAsync(first, last, recorded, ct);
            return CachedJson.For(new ChangesResponse(first, last, answer.Basis.KnownAt, answer.Basis.Position, answer.Changes),
                HttpPointInTime.IsSettled(recorded, clock));
        })
        .WithName("GetChanges")
        .WithSummary("What changed between two days")
        .WithDescription("Changes in membership, the office of Secretary General and the chairmanship from `from` to `to` (default: today). A change is certain when its whole date lies in the range, possible when it only overlaps it.")
        .WithResponseExample(200, ReadExamples.Changes)
        .ProducesProblems(400);

        return api;
    }

    private static async Task<Results<CachedJson<OfficeResponse>, ProblemHttpResult>> GetOfficeAsync(
        string office, string? asOf, string? knownAt, long? minPosition, PointInTimeReads reads, TimeProvider clock, CancellationToken ct)
    {
        var time = HttpPointInTime.Parse(asOf, knownAt, clock);
        if (!Offices.IsKnown(office)) return TypedResults.Problem(Problems.NotFound("office", office));
        var read = await reads.OfficeAsync(office, time.AsOf, time.KnownAt, time.KnownAtIsSettled, HttpPointInTime.ParseMinPosition(minPosition), ct);
        return CachedJson.For(new OfficeResponse(time.AsOf, read.KnownAt, read.Position, office, Offices.NameOf(office), read.Answer), time.KnownAtIsSettled);
    }
}
