using CstoChronicle.Api.Http;
using CstoChronicle.Api.Reads;
using CstoChronicle.Domain.Writing;
using CstoChronicle.Domain.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CstoChronicle.Api.Endpoints.Writing;

/// <summary>Turns the writer's outcome into the HTTP answer: 201 (or 200 for a repeat), 404, 409 (a moved stream, an amended fact), 412 or 422.</summary>
public static class WriteAnswers
{
    public static Results<Created<WriteReceipt>, Ok<WriteReceipt>, ProblemHttpResult> From(
        WriteOutcome outcome, HttpContext context, long? ifMatch, string location, string fieldPrefix = "")
    {
        switch (outcome)
        {
            case WriteOutcome.Written written:
                var receipt = new WriteReceipt(written.EventId, written.StreamId, written.Version, written.Position, written.RecordedAt,
                    RecordedBy.Of(context), written.AlreadyRecorded);
                context.Response.Headers.ETag = ExpectedVersionHeader.Format(written.Version);
                // Current answers on this node must include this write from now on (read-your-writes on one node).
                context.RequestServices.GetService<ReadPositionWatch>()?.Wrote(written.Position);
                return written.AlreadyRecorded ? TypedResults.Ok(receipt) : TypedResults.Created(location, receipt);
            case WriteOutcome.Rejected rejected:
                return TypedResults.Problem(Problems.Validation(rejected.Errors.Select(e => new FieldError(Field(fieldPrefix, e.Field), e.Message)).ToList()));
            case WriteOutcome.TargetNotFound missing:
                return TypedResults.Problem(Problems.NotFound("event", missing.TargetEventId.ToString()));
            case WriteOutcome.FactAmended amended:
                return TypedResults.Problem(Problems.FactAmended(amended.StreamId, amended.TargetEventId, amended.AmendedBy, amended.Actual));
            case WriteOutcome.VersionConflict conflict when ifMatch is { } expected:
                return TypedResults.Problem(Problems.PreconditionFailed(conflict.StreamId, expected, conflict.Actual));
            case WriteOutcome.VersionConflict conflict:
                return TypedResults.Problem(Problems.VersionConflict(conflict.StreamId, Version(conflict.Expected), conflict.Actual));
            default:
                throw new InvalidOperationException($"Unexpected write outcome {outcome.GetType().Name}.");
        }
    }

    /// <summary>If-Match as the writer's expected version: "0" means the stream must not exist yet.</summary>
    public static ExpectedVersion? Expected(long? ifMatch) => ifMatch switch
    {
        null => null,
        0 => ExpectedVersion.NoStream,
        var version => ExpectedVersion.Exact(version.Value),
    };

    private static long? Version(ExpectedVersion expected) => expected.IsAny ? null : expected.Value;

    private static string Field(string prefix, string field) =>
        field is "recordedBy" or "eventId" or "" ? (field.Length == 0 ? "$" : field) : "$." + prefix + field;
}

public static class RecordedBy
{
    /// <summary>The name of the API key that authorized the request: recordedBy is never taken from a body.</summary>
    public static string Of(HttpContext context) =>
        context.User.Identity?.Name ?? throw new InvalidOperationException("A write reached its handler without an authenticated key.");
}
