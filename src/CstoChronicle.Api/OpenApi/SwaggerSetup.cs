using CstoChronicle.Domain.Dates;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace CstoChronicle.Api.OpenApi;

/// <summary>Swashbuckle's document at /openapi/v1.json and Swagger UI at /swagger, in every environment.</summary>
public static class SwaggerSetup
{
    public const string BearerScheme = "bearer";
    public const string DocumentPath = "/openapi/v1.json";

    public static IServiceCollection AddChronicleOpenApi(this IServiceCollection services)
    {
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo
            {
                Title = "CSTO Chronicle API",
                Version = "v1",
                Description = "An event-sourced chronology of the Collective Security Treaty Organization. Reads are public and take " +
                    "asOf (historical day) and knownAt (recorded instant); writes need an API key, sent as `Authorization: Bearer KEY`. " +
                    "Errors are RFC 9457 problem details. Guide: docs/api.md.",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key with the role editor or admin (create one with: ./run.sh create-key --name NAME --role editor).",
            });
            options.MapType<HistoricalDate>(WireSchemas.HistoricalDate);
            options.MapType<DateTimeOffset>(WireSchemas.Instant);
            options.MapType<DateOnly>(WireSchemas.Day);
            options.SchemaFilter<WireSchemaFilter>();
            options.OperationFilter<DocumentationFilter>();
            options.DocumentFilter<DocumentShapeFilter>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static WebApplication UseChronicleOpenApi(this WebApplication app)
    {
        app.UseSwagger(options =>
        {
            options.RouteTemplate = "openapi/{documentName}.json";
            // 3.1: a nullable reference (holder: null) is oneOf [the schema, null], which 3.0 cannot say (its nullable
            // does not reach into a $ref or allOf, so a strict validator refuses the null the wire carries).
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            // The service's own address as the request reached it, so a client generated from the document has a working default.
            options.PreSerializeFilters.Add((document, request) =>
                document.Servers = [new OpenApiServer { Url = $"{request.Scheme}://{request.Host.Value}{request.PathBase}", Description = "This service" }]);
        });
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "CSTO Chronicle API v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "CSTO Chronicle API";
        });
        return app;
    }
}

/// <summary>
/// The document as a whole: reads are public (an empty requirement, overridden by each write's bearer requirement),
/// every tag says what it groups, and no schema is listed that no operation uses.
/// </summary>
public sealed class DocumentShapeFilter : IDocumentFilter
{
    private static readonly Dictionary<string, string> Tags = new(StringComparer.Ordinal)
    {
        ["Point in time"] = "Who held what on a historical day (asOf), as known at a recorded instant (knownAt).",
        ["Timeline"] = "Historical events in historical order, filtered and paged.",
        ["Events"] = "Single events, entity histories and the audit trail; recording, correcting and retracting facts (editor).",
        ["Sources"] = "The register of sources every claim cites.",
        ["Admin"] = "API key management (admin).",
        ["Health"] = "Liveness and readiness.",
        ["Notifications"] = "Every new event as Server-Sent Events, resumable by position.",
        ["Webhooks"] = "Webhook subscriptions, their deliveries and dead letters (editor).",
    };

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Security = [new OpenApiSecurityRequirement()];
        document.Tags = new HashSet<OpenApiTag>(Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
        RemoveUnused(document);
    }

    /// <summary>Schemas only a replaced answer used (the stream's SseItem): removed until every listed schema is referenced.</summary>
    private static void RemoveUnused(OpenApiDocument document)
    {
        var schemas = document.Components?.Schemas;
        while (schemas is { Count: > 0 })
        {
            using var text = new StringWriter();
            document.SerializeAsV3(new OpenApiJsonWriter(text));
            var json = text.ToString();
            var unused = schemas.Keys.Where(name => !json.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
            if (unused.Count == 0) return;
            foreach (var name in unused) schemas.Remove(name);
        }
    }
}
