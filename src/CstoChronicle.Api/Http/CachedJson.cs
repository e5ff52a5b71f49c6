using System.Buffers.Text;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using CommunityToolkit.HighPerformance.Buffers;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Http;

/// <summary>
/// A JSON answer with a strong ETag (a hash of its bytes), answered 304 on a matching If-None-Match. Answers at a
/// settled past knownAt are marked immutable; others must be revalidated.
/// </summary>
public sealed class CachedJson<T>(T value, bool immutable) : IResult, IEndpointMetadataProvider
{
    public const string Immutable = "public, max-age=31536000, immutable";
    public const string Revalidate = "no-cache";

    public T Value { get; } = value;

    public async Task ExecuteAsync(HttpContext context)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        // Serialised once into a pooled buffer, hashed there and written from there: no copy of the body of its own.
        using var body = new ArrayPoolBufferWriter<byte>(16 * 1024);
        await using (var json = new Utf8JsonWriter(body, new JsonWriterOptions
        {
            Encoder = options.Encoder, Indented = options.WriteIndented, IndentCharacter = options.IndentCharacter, IndentSize = options.IndentSize,
            NewLine = options.NewLine, MaxDepth = options.MaxDepth, SkipValidation = true,
        }))
            JsonSerializer.Serialize(json, Value, options);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(body.WrittenSpan, hash);
        var etag = "\"" + Base64Url.EncodeToString(hash[..16]) + "\"";

        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.CacheControl = immutable ? Immutable : Revalidate;
        response.Headers.Vary = "Accept-Encoding";
        if (Matches(context.Request.Headers.IfNoneMatch, etag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.WrittenCount;
        await response.Body.WriteAsync(body.WrittenMemory, context.RequestAborted);
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string etag) =>
        ifNoneMatch.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.TrimEntries))
            .Any(candidate => candidate == "*" || candidate == etag || candidate == "W/" + etag);

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified, typeof(void)));
    }
}

public static class CachedJson
{
    /// <summary>Immutable: the answer is at a settled past knownAt, so it can never change.</summary>
    public static CachedJson<T> For<T>(T value, bool immutable = false) => new(value, immutable);
}

