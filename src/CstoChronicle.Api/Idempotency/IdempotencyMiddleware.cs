using System.Security.Cryptography;
using System.Text;
using CstoChronicle.Api.Http;

namespace CstoChronicle.Api.Idempotency;

/// <summary>
/// For endpoints marked <see cref="IdempotentWrite"/> and requests with an Idempotency-Key: the same key with the same
/// request (method, path, If-Match, body) gets the stored answer again; with another request, 422. Runs after
/// authorization, so keys are per API key and an anonymous request never reaches the store.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IdempotencyStore store)
{
    private const int MaxKeyLength = 255;

    // Answers that depend only on the request are kept; conflicts, throttling and failures are not, so a retry runs again.
    private static bool IsWorthKeeping(int status) =>
        status is >= 200 and < 300 or 400 or 404 or 413 or 415 or 422;

    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<IdempotentWrite>() is null
            || !context.Request.Headers.TryGetValue(IdempotentWrite.Header, out var values))
        {
            await next(context);
            return;
        }

        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || values.Count > 1 || key.Any(c => c is < '!' or > '~'))
            throw new ProblemException(Problems.InvalidParameter(IdempotentWrite.Header, $"must be 1 to {MaxKeyLength} visible ASCII characters, sent once"));

        var principal = context.User.Identity?.Name ?? "";
        var ct = context.RequestAborted;
        var requestHash = await HashRequestAsync(context.Request);
        IdempotentWrite.AssignEventId(context, principal, key, requestHash);
        var claim = await store.ClaimAsync(principal, key, requestHash, ct);
        switch (claim)
        {
            case ClaimOutcome.OtherRequest:
                throw new ProblemException(Problems.IdempotencyKeyReused());
            case ClaimOutcome.StillRunning:
                throw new ProblemException(Problems.IdempotencyInProgress());
            case ClaimOutcome.Replay replay:
                await ReplayAsync(context.Response, replay.Answer, ct);
                return;
        }

        var answer = await RunCapturingAsync(context, principal, key);
        if (answer is not null && IsWorthKeeping(answer.Status))
            await store.CompleteAsync(principal, key, answer, CancellationToken.None);
        else
            await store.ReleaseAsync(principal, key, CancellationToken.None);
    }

    private async Task<StoredAnswer?> RunCapturingAsync(HttpContext context, string principal, string key)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            await next(context);
        }
        catch
        {
            response.Body = original;
            await store.ReleaseAsync(principal, key, CancellationToken.None);
            throw;
        }
        response.Body = original;
        var body = buffer.ToArray();
        await original.WriteAsync(body, context.RequestAborted);
        return new StoredAnswer(response.StatusCode, response.ContentType, response.Headers.Location, response.Headers.ETag, body);
    }

    private static async Task ReplayAsync(HttpResponse response, StoredAnswer answer, CancellationToken ct)
    {
        response.StatusCode = answer.Status;
        if (answer.ContentType is not null) response.ContentType = answer.ContentType;
        if (answer.Location is not null) response.Headers.Location = answer.Location;
        if (answer.ETag is not null) response.Headers.ETag = answer.ETag;
        response.Headers[IdempotentWrite.ReplayedHeader] = "true";
        await response.Body.WriteAsync(answer.Body, ct);
    }

    private static async Task<string> HashRequestAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
        request.Body.Position = 0;

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}\n{request.Headers.IfMatch}\n{request.ContentType}\n"));
        hash.AppendData(body.GetBuffer(), 0, (int)body.Length);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
