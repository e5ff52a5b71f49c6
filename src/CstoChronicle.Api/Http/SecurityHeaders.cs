using Microsoft.Net.Http.Headers;

namespace CstoChronicle.Api.Http;

/// <summary>
/// Security headers on every answer (JSON, problems, SSE, the OpenAPI document, Swagger UI, the page): no MIME
/// sniffing, no referrer, and a Content-Security-Policy that forbids framing. An answer that sets its own policy
/// (the timeline page) keeps it; API answers get one that allows nothing, Swagger UI one that allows its own files,
/// anything else the page's.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    /// <summary>API answers are data, never documents: nothing may load, run or frame them.</summary>
    public const string ApiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Swagger UI: its own scripts and styles (its index.html sets styles inline), the document from this origin.</summary>
    public const string SwaggerPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.TryAdd(HeaderNames.XContentTypeOptions, "nosniff");
            headers.TryAdd("Referrer-Policy", "no-referrer");
            headers.TryAdd(HeaderNames.XFrameOptions, "DENY");
            headers.TryAdd(HeaderNames.ContentSecurityPolicy, PolicyFor(context.Request.Path));
            return Task.CompletedTask;
        });
        return next(context);
    }

    /// <summary>The page's files keep the page's policy on every answer, a 304 included (a browser updates stored headers from it).</summary>
    public static string PolicyFor(PathString path) =>
        path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase) ? SwaggerPolicy
        : path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
          || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase) ? ApiPolicy
        : Page.TimelinePage.ContentSecurityPolicy;
}
