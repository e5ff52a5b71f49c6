using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.WebUtilities;

namespace CstoChronicle.Api.Http;

/// <summary>RFC 8288 <c>Link: &lt;...&gt;; rel="next"</c>: this request's URL with the cursor of the next page.</summary>
public static class NextPageLink
{
    public static void Add(HttpContext context, string? nextCursor)
    {
        if (string.IsNullOrEmpty(nextCursor)) return;
        var request = context.Request;
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(p => !string.Equals(p.Key, "cursor", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("cursor", nextCursor));
        var url = UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, QueryString.Create(query));
        context.Response.Headers.Append("Link", $"<{url}>; rel=\"next\"");
    }
}
