using System.Text.Json;

namespace CstoChronicle.Api.Http;

/// <summary>
/// Which characters a text field may hold. Refused: NUL (PostgreSQL cannot store it), the other C0 controls except
/// tab, line feed and carriage return (a quote may span lines), DEL and the C1 controls, the bidirectional embeddings,
/// overrides and isolates (U+202A-U+202E, U+2066-U+2069: they make text read differently than it is stored), and
/// lone surrogates (not Unicode text). Ids are narrower still: their patterns allow no control character at all.
/// </summary>
public static class StorableText
{
    /// <summary>Why the text cannot be stored, or null when it can.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\0') return "contains a NUL character (\\u0000), which cannot be stored";
            if ((c < ' ' && c is not ('\t' or '\n' or '\r')) || c is >= '\u007f' and <= '\u009f')
                return $"contains the control character \\u{(int)c:x4}";
            if (c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069')
                return $"contains the bidirectional control character \\u{(int)c:x4}";
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"contains a lone surrogate \\u{(int)c:x4}, which is not Unicode text";
        }
        return null;
    }

    /// <summary>The JSON path of the first string (or property name) that cannot be stored, with the reason.</summary>
    public static FieldError? Find(JsonElement element, string path = "$")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Problem(element.GetString()!) is { } problem ? new FieldError(path, problem) : null;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (Problem(property.Name) is { } nameProblem) return new FieldError(path, "a field name " + nameProblem);
                    if (Find(property.Value, $"{path}.{property.Name}") is { } found) return found;
                }
                return null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                    if (Find(item, $"{path}[{index++}]") is { } found) return found;
                return null;
            default:
                return null;
        }
    }
}

/// <summary>
/// Checks every JSON request body before its endpoint runs (every write, admin and subscription endpoint alike):
/// a text field <see cref="StorableText"/> refuses is answered 400 invalid-body naming the field, and nothing runs.
/// A body that is not JSON is left to the endpoint, which explains what is wrong with it.
/// </summary>
public sealed class StorableTextMiddleware(RequestDelegate next)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.ContentLength == 0
            || request.ContentType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        request.EnableBuffering();
        FieldError? refused = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, Options, context.RequestAborted);
            refused = StorableText.Find(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: the endpoint's own binding answers with the details.
        }
        catch (InvalidOperationException)
        {
            refused = new FieldError("$", "is not valid Unicode text");
        }
        request.Body.Position = 0;
        if (refused is not null) throw new ProblemException(Problems.InvalidBody(refused.Field, refused.Message));
        await next(context);
    }
}
