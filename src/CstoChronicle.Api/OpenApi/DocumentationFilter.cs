using System.Text.Json;
using System.Text.Json.Nodes;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CstoChronicle.Api.OpenApi;

/// <summary>
/// Fills in what minimal API metadata cannot say: each parameter's own description and schema, the headers an
/// operation reads, every problem answer it can give (derived from what the endpoint is: a parameter can be invalid,
/// a key can be missing, a body can be too large ...), examples for every answer, and the bearer requirement on
/// endpoints that need a key.
/// </summary>
public sealed class DocumentationFilter : IOperationFilter
{
    public const string StreamOperation = "StreamEvents";
    private const string ProblemJson = "application/problem+json";

    private static readonly JsonSerializerOptions ApiJson = CreateApiJson();

    private static JsonSerializerOptions CreateApiJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Platform.PlatformSetup.Configure(options);
        return options;
    }

    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var id = operation.OperationId;
        operation.Parameters ??= [];
        operation.Responses ??= [];
        if (id == StreamOperation) DescribeEventStream(operation);
        if (operation.Responses.ContainsKey("304")) AddHeader(operation, "If-None-Match");
        DescribeParameters(operation, id);
        AddProblemAnswers(operation, context, metadata);
        AddExamples(operation, metadata);
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [] });
        }
    }

    private static void DescribeParameters(OpenApiOperation operation, string? id)
    {
        foreach (var parameter in operation.Parameters!.OfType<OpenApiParameter>())
        {
            // Query names bind case-insensitively; the document names them as the guide writes them.
            if (parameter.In == ParameterLocation.Query && parameter.Name is { Length: > 0 } name && char.IsUpper(name[0]))
                parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
            if (parameter.Name is null || ParameterDocs.Find(id, parameter.Name) is not { } doc) continue;
            parameter.Description = doc.Description;
            if (doc.Example is not null) parameter.Example = doc.Example.DeepClone();
            if (doc.Schema is not null) parameter.Schema = doc.Schema();
            if (parameter.Schema is OpenApiSchema { Type: JsonSchemaType.Array })
            {
                parameter.Style = ParameterStyle.Form;
                parameter.Explode = true;
            }
        }
    }

    private static void AddHeader(OpenApiOperation operation, string name)
    {
        if (operation.Parameters!.Any(p => p.In == ParameterLocation.Header && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) return;
        operation.Parameters!.Add(new OpenApiParameter { Name = name, In = ParameterLocation.Header, Required = false, Schema = new OpenApiSchema { Type = JsonSchemaType.String } });
    }

    /// <summary>The stream answers text/event-stream, not JSON: each event an "id:" line (its position) and a "data:" line (a CloudEvent).</summary>
    private static void DescribeEventStream(OpenApiOperation operation)
    {
        AddHeader(operation, "Last-Event-ID");
        operation.Responses!["200"] = new OpenApiResponse
        {
            Description = "Server-Sent Events, endless: a comment line first (\": after position N\"), then each event as a `data: <CloudEvent JSON>` " +
                "line and an `id: <position>` line (docs/notifications.md), and a comment line (\": heartbeat\") whenever the stream is idle.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/event-stream"] = new()
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    Example = JsonValue.Create(": after position 280\n\ndata: {\"specversion\":\"1.0\",\"id\":\"...\",\"type\":\"StateAcceded\",...}\nid: 281\n\n: heartbeat\n\n"),
                },
            },
        };
    }

    /// <summary>Every problem the endpoint can answer, from what it is; statuses declared by the endpoint itself are kept.</summary>
    private static void AddProblemAnswers(OpenApiOperation operation, OperationFilterContext context, IList<object> metadata)
    {
        var statuses = new SortedSet<int>();
        var hasBody = operation.RequestBody is not null;
        // If-None-Match is only compared, never refused.
        if (hasBody || operation.Parameters!.Any(p => p.Name != "If-None-Match")) statuses.Add(400);
        if (metadata.OfType<IAuthorizeData>().Any()) statuses.UnionWith([401, 403]);
        if (operation.Parameters!.Any(p => p.In == ParameterLocation.Path)) statuses.Add(404);
        if (hasBody) statuses.UnionWith([413, 415, 422]);
        if (operation.Parameters!.Any(p => p.In == ParameterLocation.Header && p.Name == "If-Match")) statuses.UnionWith([409, 412]);
        if (metadata.OfType<IdempotentWrite>().Any()) statuses.UnionWith([409, 422]);
        if (metadata.OfType<EnableRateLimitingAttribute>().Any()) statuses.Add(429);
        statuses.Add(500);
        if (operation.OperationId != "Liveness") statuses.Add(503);

        foreach (var status in statuses)
        {
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses!.ContainsKey(key)) continue;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemJson] = new() { Schema = context.SchemaGenerator.GenerateSchema(typeof(ProblemDetails), context.SchemaRepository) },
                },
            };
        }
    }

    private static void AddExamples(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is null || !int.TryParse(status, out var code)) continue;
            var example = metadata.OfType<ResponseExample>().LastOrDefault(e => e.Status == code)?.Example
                ?? (code >= 400 ? ProblemExample(code) : null);
            var node = example is null ? NotificationExamples.For(operation.OperationId, code) : JsonSerializer.SerializeToNode(example, example.GetType(), ApiJson);
            if (node is null) continue;
            foreach (var media in response.Content.Values) media.Example ??= node?.DeepClone();
        }
    }

    private static ProblemDetails? ProblemExample(int status) => status switch
    {
        400 => Problems.InvalidParameter("asOf", "'1992-13' is not an EDTF day (YYYY-MM-DD)"),
        401 => Problems.Unauthorized("Authorization: unknown or revoked API key."),
        403 => Problems.Forbidden("admin"),
        404 => Problems.NotFound("event", "00000000-0000-0000-0000-000000000000"),
        409 => Problems.VersionConflict("UZB", 3, 4),
        412 => Problems.PreconditionFailed("UZB", 3, 4),
        413 => Problems.PayloadTooLarge(262144),
        415 => Problems.UnsupportedMediaType("text/plain"),
        422 => Problems.Validation([new FieldError("$.data.state", "'XXX' is not a known state")]),
        429 => Problems.RateLimited(TimeSpan.FromSeconds(30)),
        500 => Problems.Internal(),
        503 => Problems.Unavailable("The database is unavailable for the moment; retry shortly."),
        _ => null,
    };
}
