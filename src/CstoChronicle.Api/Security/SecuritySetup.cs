using Microsoft.AspNetCore.Authentication;

namespace CstoChronicle.Api.Security;

public static class SecuritySetup
{
    public static IServiceCollection AddChronicleSecurity(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyStore>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ChroniclePolicies.Editor, policy => policy.RequireAuthenticatedUser().RequireRole(ChronicleRoles.Editor, ChronicleRoles.Admin))
            .AddPolicy(ChroniclePolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireRole(ChronicleRoles.Admin));
        return services;
    }
}
