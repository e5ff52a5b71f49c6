using System.Text.Json;
using System.Text.RegularExpressions;
using CstoChronicle.Api.Platform;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Http;

/// <summary>
/// Answers every exception as problem details. Bad input (binding, JSON, size, media type) becomes a 4xx naming
/// the field; a database that refuses connections a 503; anything else is logged and answered as a 500 that
/// reveals nothing but the request id.
/// </summary>
public sealed partial class ProblemExceptionHandler(
    IProblemDetailsService problemDetails,
    IOptions<ChronicleSettings> settings,
    ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
            return true; // the client went away; there is nobody to answer

        var problem = ForBadInput(context, exception);
        if (problem is null && IsDatabaseUnavailable(exception))
        {
            // PostgreSQL refused or lost the connection (too many clients, restarting, pool exhausted): the request
            // can be retried, so it is a 503 with Retry-After, not a 500.
            // With the exception attached, the log formatter folds it into the outage's one line (Logging/DatabaseOutage).
            logger.LogWarning(exception, "PostgreSQL unavailable on {Method} {Path}", context.Request.Method, context.Request.Path);
            context.Response.Headers.RetryAfter = "1";
            problem = Problems.Unavailable("The database is unavailable for the moment; retry shortly.");
        }
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled exception on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problems.Internal();
        }

        context.Response.StatusCode = problem.Status ?? StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private ProblemDetails? ForBadInput(HttpContext context, Exception exception) => exception switch
    {
        ProblemException known => known.Problem,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } =>
            Problems.PayloadTooLarge(settings.Value.MaxRequestBodyBytes),
        BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } =>
            Problems.UnsupportedMediaType(context.Request.ContentType),
        BadHttpRequestException { InnerException: JsonException json } => InvalidBody(JsonErrors.Describe(json)),
        JsonException json => InvalidBody(JsonErrors.Describe(json)),
        BadHttpRequestException bad => FromBindingMessage(bad.Message),
        _ => null,
    };

    private static bool IsDatabaseUnavailable(Exception exception) =>
        exception is NpgsqlException { IsTransient: true } || (exception.InnerException is { } inner && IsDatabaseUnavailable(inner));

    private static ProblemDetails InvalidBody(FieldError error) => Problems.InvalidBody(error.Field, error.Message);

    // Minimal APIs report binding failures as messages such as: Failed to bind parameter "int limit" from "abc".
    private static ProblemDetails FromBindingMessage(string message)
    {
        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
            return Problems.InvalidBody("$", "a JSON body is required");
        var match = BindingParameter().Match(message);
        if (!match.Success) return Problems.InvalidParameter("request", "is malformed");
        var name = match.Groups["name"].Value;
        var value = match.Groups["value"];
        return Problems.InvalidParameter(name, value.Success ? $"'{value.Value}' is not a valid value" : "is required");
    }

    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>\w+)"(?: from "(?<value>[^"]*)")?""")]
    private static partial Regex BindingParameter();
}
