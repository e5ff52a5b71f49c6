using Microsoft.OpenApi;

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
                    "asOf (historical day) and knownAt (recorded instant); writes need an API key (Authorization: Bearer <key>). " +
                    "Errors are RFC 9457 problem details. Guide: docs/api.md.",
            });
            options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key with the role editor or admin (create one with: ./run.sh create-key --name NAME --role editor).",
            });
            options.OperationFilter<DocumentationFilter>();
            options.SupportNonNullableReferenceTypes();
        });
        return services;
    }

    public static WebApplication UseChronicleOpenApi(this WebApplication app)
    {
        app.UseSwagger(options => options.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(options =>
        {
            options.SwaggerEndpoint(DocumentPath, "CSTO Chronicle API v1");
            options.RoutePrefix = "swagger";
            options.DocumentTitle = "CSTO Chronicle API";
        });
        return app;
    }
}
