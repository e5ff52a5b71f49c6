using System.Text.Json;
using System.Text.Json.Nodes;
using CstoChronicle.Api.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CstoChronicle.Api.OpenApi;

/// <summary>
/// Fills in what minimal API metadata cannot say: parameter descriptions, response examples (problem details
/// for every error status), and the bearer requirement on endpoints that need a key.
/// </summary>
public sealed class DocumentationFilter : IOperationFilter
{
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
        DescribeParameters(operation);
        AddExamples(operation, metadata);
        if (metadata.OfType<IAuthorizeData>().Any())
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SwaggerSetup.BearerScheme, context.Document)] = [] });
        }
    }

    private static void DescribeParameters(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            if (parameter.Name is null || !ParameterDocs.ByName.TryGetValue(parameter.Name, out var doc)) continue;
            parameter.Description ??= doc.Description;
            if (doc.Example is not null) parameter.Example ??= JsonValue.Create(doc.Example);
        }
    }

    private static void AddExamples(OpenApiOperation operation, IList<object> metadata)
    {
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response.Content is null || !int.TryParse(status, out var code)) continue;
            var example = metadata.OfType<ResponseExample>().LastOrDefault(e => e.Status == code)?.Example
                ?? (code >= 400 ? ProblemExample(code) : null);
            if (example is null) continue;
            var node = JsonSerializer.SerializeToNode(example, example.GetType(), ApiJson);
            foreach (var media in response.Content.Values) media.Example ??= node;
        }
    }

    private static object? ProblemExample(int status) => status switch
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
        _ => null,
    };
}
