using Microsoft.AspNetCore.Mvc;

namespace CstoChronicle.Api.Http;

/// <summary>Every problem the API answers, built in one place so that type, title and status always agree.</summary>
public static class Problems
{
    public static ProblemDetails InvalidParameter(string parameter, string message) =>
        WithErrors(Create(StatusCodes.Status400BadRequest, ProblemTypes.InvalidParameter, "A parameter is invalid.",
            $"{parameter}: {message}"), [new FieldError(parameter, message)]);

    public static ProblemDetails InvalidBody(string field, string message) =>
        WithErrors(Create(StatusCodes.Status400BadRequest, ProblemTypes.InvalidBody, "The request body is not valid JSON of the expected shape.",
            $"{field}: {message}"), [new FieldError(field, message)]);

    public static ProblemDetails Validation(IReadOnlyList<FieldError> errors) =>
        WithErrors(Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.Validation, "The chronicle's rules refuse this request.",
            string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}"))), errors);

    public static ProblemDetails Unauthorized(string message) =>
        Create(StatusCodes.Status401Unauthorized, ProblemTypes.Unauthorized, "An API key is required.", message);

    public static ProblemDetails Forbidden(string requiredRole) =>
        Create(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "The API key's role does not allow this.",
            $"This needs an API key with the role {requiredRole}.");

    public static ProblemDetails NotFound(string what, string id) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", $"No {what} has the id '{id}'.");

    public static ProblemDetails RouteNotFound(string path) =>
        Create(StatusCodes.Status404NotFound, ProblemTypes.NotFound, "Not found.", $"Nothing is served at '{path}'. See /swagger.");

    public static ProblemDetails MethodNotAllowed(string method, string path) =>
        Create(StatusCodes.Status405MethodNotAllowed, ProblemTypes.MethodNotAllowed, "Method not allowed.",
            $"{method} is not allowed on '{path}'.");

    public static ProblemDetails VersionConflict(string stream, long? expected, long actual) =>
        WithStream(Create(StatusCodes.Status409Conflict, ProblemTypes.VersionConflict, "The stream changed meanwhile.",
            $"The stream '{stream}' is at version {actual}" + (expected is null ? "." : $", not {expected}.") +
            " Read it again and retry."), stream, actual);

    public static ProblemDetails PreconditionFailed(string stream, long expected, long actual) =>
        WithStream(Create(StatusCodes.Status412PreconditionFailed, ProblemTypes.PreconditionFailed, "If-Match does not hold.",
            $"If-Match: the stream '{stream}' is at version {actual}, not {expected}."), stream, actual);

    public static ProblemDetails FactAmended(string stream, Guid target, Guid amendedBy, long actual) =>
        WithStream(Create(StatusCodes.Status409Conflict, ProblemTypes.FactAmended, "The fact was corrected meanwhile.",
            $"Event {target} was corrected by {amendedBy} since it was recorded. Read the fact again; to amend it on that basis, " +
            $"send If-Match: \"{actual}\" (the stream '{stream}''s version now)."), stream, actual);

    public static ProblemDetails PayloadTooLarge(long limit) =>
        Create(StatusCodes.Status413PayloadTooLarge, ProblemTypes.PayloadTooLarge, "The request body is too large.",
            $"body: at most {limit} bytes are accepted.");

    public static ProblemDetails UnsupportedMediaType(string? contentType) =>
        Create(StatusCodes.Status415UnsupportedMediaType, ProblemTypes.UnsupportedMediaType, "Unsupported media type.",
            $"Content-Type: expected application/json, got '{contentType ?? "(none)"}'.");

    public static ProblemDetails IdempotencyKeyReused() =>
        Create(StatusCodes.Status422UnprocessableEntity, ProblemTypes.IdempotencyKeyReused, "The Idempotency-Key was used for another request.",
            "Idempotency-Key: this key was already used with a different request body; use a new key.");

    public static ProblemDetails IdempotencyInProgress() =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.IdempotencyInProgress, "A request with this Idempotency-Key is still running.",
            "Idempotency-Key: retry once the first request has answered.");

    public static ProblemDetails RateLimited(TimeSpan? retryAfter) =>
        Create(StatusCodes.Status429TooManyRequests, ProblemTypes.RateLimited, "Too many writes.",
            retryAfter is { } wait ? $"Retry after {Math.Ceiling(wait.TotalSeconds)} s." : "Retry later.");

    public static ProblemDetails TooManyStreams(int limit, TimeSpan retryAfter) =>
        Create(StatusCodes.Status429TooManyRequests, ProblemTypes.TooManyStreams, "Too many streams from this address.",
            $"At most {limit} streams per client address are held open; close one, or retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.");

    public static ProblemDetails TooManySubscriptions(int limit) =>
        Create(StatusCodes.Status409Conflict, ProblemTypes.TooManySubscriptions, "Too many subscriptions for this key.",
            $"An API key may hold at most {limit} subscriptions; delete one first.");

    public static ProblemDetails StreamsFull(int limit, TimeSpan retryAfter) =>
        Unavailable($"This node holds its most streams ({limit}); retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.");

    public static ProblemDetails Unavailable(string message) =>
        Create(StatusCodes.Status503ServiceUnavailable, ProblemTypes.Unavailable, "The service is unavailable.", message);

    public static ProblemDetails Internal() =>
        Create(StatusCodes.Status500InternalServerError, ProblemTypes.Internal, "An unexpected error occurred.",
            "The error was logged with this request's id.");

    /// <summary>Any other status (a fallback for status codes without a body); never used for the cases above.</summary>
    public static ProblemDetails ForStatus(int status, string path) => status switch
    {
        StatusCodes.Status404NotFound => RouteNotFound(path),
        StatusCodes.Status401Unauthorized => Unauthorized("Send Authorization: Bearer <key>."),
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType(null),
        StatusCodes.Status413PayloadTooLarge => PayloadTooLarge(0),
        _ => Create(status, ProblemTypes.Base + "http-" + status, ReasonPhrase(status), null),
    };

    private static string ReasonPhrase(int status) =>
        Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase + "." : "Error.";

    private static ProblemDetails Create(int status, string type, string title, string? detail) =>
        new() { Status = status, Type = type, Title = title, Detail = detail };

    private static ProblemDetails WithErrors(ProblemDetails problem, IReadOnlyList<FieldError> errors)
    {
        problem.Extensions["errors"] = errors;
        return problem;
    }

    private static ProblemDetails WithStream(ProblemDetails problem, string stream, long actual)
    {
        problem.Extensions["stream"] = stream;
        problem.Extensions["currentVersion"] = actual;
        return problem;
    }
}
