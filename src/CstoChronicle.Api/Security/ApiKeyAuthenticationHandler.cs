using System.Security.Claims;
using System.Text.Encodings.Web;
using CstoChronicle.Api.Http;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Security;

/// <summary>
/// <c>Authorization: Bearer &lt;key&gt;</c>. No header means anonymous (reads are public); a header with an unknown
/// key fails. Challenges and refusals are answered as problem details; the key itself is never logged or echoed.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore keys) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const int MaxKeyLength = 256;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("Authorization: expected 'Bearer <key>'.");

        var key = header["Bearer ".Length..].Trim();
        if (key.Length is 0 or > MaxKeyLength || key.Any(char.IsControl))
            return AuthenticateResult.Fail("Authorization: the key is not a valid API key.");

        var owner = await keys.FindAsync(key, Context.RequestAborted);
        if (owner is null) return AuthenticateResult.Fail("Authorization: unknown or revoked API key.");

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, owner.Name), new Claim(ClaimTypes.Role, owner.Role)], SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var message = result.Failure?.Message ?? "Send Authorization: Bearer <key> with an editor or admin API key.";
        Response.Headers.WWWAuthenticate = "Bearer";
        await WriteAsync(StatusCodes.Status401Unauthorized, Problems.Unauthorized(message));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var policy = Context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().LastOrDefault(a => a.Policy is not null)?.Policy;
        return WriteAsync(StatusCodes.Status403Forbidden, Problems.Forbidden(policy ?? ChronicleRoles.Admin));
    }

    private async Task WriteAsync(int status, Microsoft.AspNetCore.Mvc.ProblemDetails problem)
    {
        Response.StatusCode = status;
        await Context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = Context, ProblemDetails = problem });
    }
}
