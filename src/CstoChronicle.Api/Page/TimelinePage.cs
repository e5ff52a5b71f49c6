using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace CstoChronicle.Api.Page;

/// <summary>
/// Serves the timeline page: the static files of wwwroot/ (plain HTML, CSS and ES modules,
/// no build step), with index.html at <c>/</c>.
/// </summary>
public static class TimelinePage
{
    // The page talks only to its own origin (the API and its SSE stream) and renders no
    // HTML from data, so it needs nothing beyond 'self'.
    public const string ContentSecurityPolicy =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static WebApplication MapTimelinePage(this WebApplication app)
    {
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = ContentTypes(),
            OnPrepareResponse = context => AddHeaders(context.Context.Response.Headers),
        });
        return app;
    }

    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        return provider;
    }

    private static void AddHeaders(IHeaderDictionary headers)
    {
        // Unversioned files: the browser keeps them but asks again (a cheap 304 thanks to the ETag),
        // so a new deployment is seen at once.
        headers[HeaderNames.CacheControl] = "no-cache";
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
    }
}
