using Microsoft.AspNetCore.Mvc;

namespace CstoChronicle.Api.Http;

public static class ProblemDetailsSetup
{
    /// <summary>Problem details for exceptions and for bare status codes, each carrying the request id.</summary>
    public static IServiceCollection AddChronicleProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            context.ProblemDetails.Extensions.Remove("traceId");
            // Only the types in ProblemTypes are ever sent: a framework default (an RFC section link) is replaced.
            if (context.ProblemDetails.Type is null || !context.ProblemDetails.Type.StartsWith(ProblemTypes.Base, StringComparison.Ordinal))
                Replace(context.ProblemDetails, ForStatus(context.ProblemDetails.Status ?? 500, context.HttpContext));
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        return services;
    }

    /// <summary>Bodies for answers the framework sends without one (unknown route 404, 405, 401 from a challenge).</summary>
    public static IApplicationBuilder UseChronicleStatusCodeProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var problem = http.Response.StatusCode == StatusCodes.Status405MethodNotAllowed
                ? Problems.MethodNotAllowed(http.Request.Method, http.Request.Path)
                : ForStatus(http.Response.StatusCode, http);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        });

    /// <summary>A bare status as a problem; a 415 names the Content-Type that was sent.</summary>
    private static ProblemDetails ForStatus(int status, HttpContext http) =>
        status == StatusCodes.Status415UnsupportedMediaType
            ? Problems.UnsupportedMediaType(http.Request.ContentType)
            : Problems.ForStatus(status, http.Request.Path);

    private static void Replace(ProblemDetails target, ProblemDetails source)
    {
        target.Type = source.Type;
        target.Title ??= source.Title;
        target.Detail ??= source.Detail;
    }
}
