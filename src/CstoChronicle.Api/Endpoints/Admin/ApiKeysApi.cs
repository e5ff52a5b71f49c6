using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using CstoChronicle.Api.Endpoints.Examples;

namespace CstoChronicle.Api.Endpoints.Admin;

public sealed record CreateApiKeyRequest(string Name, string Role);

/// <summary>The new key, shown in this answer only: the service keeps its SHA-256 hash alone.</summary>
public sealed record CreatedApiKey(string Name, string Role, string Key);

/// <summary>
/// A key by name and role, never the key or its hash. <see cref="Source"/>: "database" (made by create-key or POST, revocable,
/// with its creation and revocation times) or "configuration" (Chronicle:ApiKeys: no times; removed by editing the configuration).
/// </summary>
public sealed record ApiKeySummary(string Name, string Role, string Source, DateTimeOffset? CreatedAt, DateTimeOffset? RevokedAt)
{
    public const string FromDatabase = "database";
    public const string FromConfiguration = "configuration";
}

/// <summary>Key management for admins (the create-key / revoke-key commands do the same from a shell).</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/admin/keys").WithTags("Admin").RequireAuthorization(ChroniclePolicies.Admin);

        keys.MapGet("", async (ApiKeyStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithName("ListApiKeys")
            .WithSummary("Every API key, by name and role (admin)")
            .WithDescription("Keys stored in the database (source: database), then keys given in configuration (Chronicle:ApiKeys; source: configuration, " +
                "no times; these cannot be revoked over HTTP). Never shows a key or its hash.")
            .WithResponseExample(200, WriteExamples.Keys)
            .ProducesProblems(401, 403);

        keys.MapPost("", CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key (admin)")
            .WithDescription("Answers the key once; store it safely. Names: lower-case letters, digits, '.', '_' or '-'; roles: editor or admin.")
            .WithResponseExample(201, WriteExamples.CreatedKey)
            .ProducesProblems(400, 401, 403, 415, 422);

        keys.MapDelete("/{name}", async (string name, ApiKeyStore store, CancellationToken ct) =>
                await store.RevokeAsync(name, ct) ? Results.NoContent() : TypedResults.Problem(Problems.NotFound("active API key", name)))
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key (admin)")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblems(401, 403, 404);
        return api;
    }

    private static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest body, ApiKeyStore store, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!ApiKeyStore.IsValidName(body.Name)) errors.Add(new("$.name", "lower-case letters, digits, '.', '_' or '-', 1 to 64, starting with a letter or digit"));
        if (!ChronicleRoles.IsKnown(body.Role)) errors.Add(new("$.role", "must be editor or admin"));
        if (errors.Count > 0) return TypedResults.Problem(Problems.Validation(errors));

        var key = await store.CreateAsync(body.Name, body.Role, ct);
        return key is null
            ? TypedResults.Problem(Problems.Validation([new("$.name", $"a key named '{body.Name}' exists already")]))
            : TypedResults.Created($"/api/v1/admin/keys/{body.Name}", new CreatedApiKey(body.Name, body.Role, key));
    }
}
