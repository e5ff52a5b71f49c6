using System.Text.Json;

namespace CstoChronicle.Api.Http;

/// <summary>
/// Refuses request bodies with a NUL character (\u0000) in any string: valid JSON, but PostgreSQL's jsonb and text
/// cannot store it, so it would otherwise fail deep in the append. Answered 400 naming the field.
/// </summary>
public sealed class StorableTextFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        foreach (var argument in context.Arguments)
        {
            if (argument is null || argument.GetType().Namespace?.StartsWith("CstoChronicle.Api.Endpoints", StringComparison.Ordinal) != true) continue;
            var body = JsonSerializer.SerializeToElement(argument, argument.GetType(), JsonSerializerOptions.Web);
            if (FindNul(body, "$") is { } field)
                throw new ProblemException(Problems.InvalidBody(field, "contains a NUL character (\\u0000), which cannot be stored"));
        }
        return next(context);
    }

    private static string? FindNul(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString()!.Contains('\0') ? path : null,
        JsonValueKind.Object => element.EnumerateObject()
            .Select(p => p.Name.Contains('\0') ? path : FindNul(p.Value, $"{path}.{p.Name}")).FirstOrDefault(f => f is not null),
        JsonValueKind.Array => element.EnumerateArray().Select((item, i) => FindNul(item, $"{path}[{i}]")).FirstOrDefault(f => f is not null),
        _ => null,
    };
}
