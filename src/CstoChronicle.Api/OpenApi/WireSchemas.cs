using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CstoChronicle.Api.OpenApi;

/// <summary>
/// Schemas as the wire carries them, not as the C# types look: a historical date is its EDTF string, an instant an
/// RFC 3339 string in UTC, a day YYYY-MM-DD; a problem lists its extension fields; a property is required when the
/// JSON reader requires it (a constructor parameter without a default) and, in answers, always, since nulls are written.
/// </summary>
public static class WireSchemas
{
    /// <summary>The chronicle's EDTF subset (docs/event-catalog.md) as an ECMA-262 pattern: YYYY, YYYY-MM or YYYY-MM-DD with one
    /// optional qualifier (? uncertain, ~ approximate, % both), or an interval start/end whose ends may be open (..) or unknown (empty).</summary>
    public const string EdtfPattern =
        @"^(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[?~%]?|(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[?~%]?|\.\.)?/(?:\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?[?~%]?|\.\.)?)$";

    public const string EdtfDescription =
        "A historical date as EDTF text (ISO 8601-2 level 0, with the level-1 qualifiers ? uncertain, ~ approximate, % both, and open " +
        "interval ends ..): a year 2016, a month 2016-10, a day 1992-05-15, 2006-08~, or an interval such as ../2017-11 or 1999-04-02/...";

    public static OpenApiSchema HistoricalDate() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = EdtfPattern,
        Description = EdtfDescription,
        Examples = [JsonValue.Create("2006-08-16")!],
    };

    public static OpenApiSchema Instant() => new()
    {
        Type = JsonSchemaType.String,
        Format = "date-time",
        Description = "An instant, RFC 3339 in UTC, e.g. 2026-11-29T18:22:54.0526948Z.",
    };

    public static OpenApiSchema Day() => new()
    {
        Type = JsonSchemaType.String,
        Format = "date",
        Description = "A day, YYYY-MM-DD.",
    };
}

/// <summary>Required properties, and the fields every problem answer carries beyond RFC 9457's five.</summary>
public sealed class WireSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties) return;
        if (context.Type == typeof(ProblemDetails))
        {
            DescribeProblem(concrete, context);
            return;
        }
        MarkNullable(context.Type, properties);
        var required = RequiredNames(context.Type).Where(properties.ContainsKey).ToList();
        if (required.Count == 0) return;
        concrete.Required ??= new HashSet<string>();
        foreach (var name in required) concrete.Required.Add(name);
    }

    /// <summary>Constructor parameters without a default: the reader refuses a body without them, and answers always have them.</summary>
    private static IEnumerable<string> RequiredNames(Type type)
    {
        var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).MaxBy(c => c.GetParameters().Length);
        return constructor?.GetParameters().Where(p => !p.HasDefaultValue && p.Name is not null).Select(p => JsonName(p.Name!)) ?? [];
    }

    /// <summary>
    /// A null on the wire must be allowed: mapped types (a historical date, an instant) are inlined without their
    /// nullability, and a nullable reference (holder: null) is oneOf [the reference, null].
    /// </summary>
    private static void MarkNullable(Type type, IDictionary<string, IOpenApiSchema> properties)
    {
        var nullability = new NullabilityInfoContext();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = JsonName(property.Name);
            if (!properties.TryGetValue(name, out var found) || nullability.Create(property).ReadState != NullabilityState.Nullable) continue;
            if (found is OpenApiSchemaReference reference)
            {
                properties[name] = new OpenApiSchema { OneOf = [reference, new OpenApiSchema { Type = JsonSchemaType.Null }] };
            }
            else if (found is OpenApiSchema { Type: { } kind } inline)
            {
                inline.Type = kind | JsonSchemaType.Null;
            }
        }
    }

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static void DescribeProblem(OpenApiSchema schema, SchemaFilterContext context)
    {
        schema.Description = "RFC 9457 problem details. `type` is one of the stable URIs of docs/decisions/0201-problem-types.md.";
        schema.Required = new HashSet<string> { "type", "title", "status" };
        schema.Properties!["type"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String };
        schema.Properties["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32" };
        schema.Properties["requestId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request's id, as in the X-Request-Id header and the service's log lines.",
        };
        schema.Properties["errors"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Description = "What was wrong, field by field (400 and 422): a query parameter, a header or a JSON path such as $.data.state.",
            Items = context.SchemaGenerator.GenerateSchema(typeof(Http.FieldError), context.SchemaRepository),
        };
        schema.Properties["stream"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The stream (entity) whose version did not match (409 version-conflict or fact-amended, 412 precondition-failed).",
        };
        schema.Properties["currentVersion"] = new OpenApiSchema
        {
            Type = JsonSchemaType.Integer,
            Format = "int64",
            Description = "The stream's version now: read again, or send it as If-Match (409, 412).",
        };
    }
}
