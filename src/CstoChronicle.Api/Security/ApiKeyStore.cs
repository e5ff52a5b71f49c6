using System.Text.RegularExpressions;
using CstoChronicle.Api.Platform;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using CstoChronicle.Api.Endpoints.Admin;
using Npgsql;

namespace CstoChronicle.Api.Security;

public sealed record ApiKeyOwner(string Name, string Role);

/// <summary>API keys from configuration (Chronicle:ApiKeys) and from the api_keys table, both by SHA-256 hash.</summary>
public sealed partial class ApiKeyStore(NpgsqlDataSource dataSource, IOptionsMonitor<ChronicleSettings> settings)
{
    private string Schema => SchemaName.Validate(settings.CurrentValue.Schema);

    public static bool IsValidName(string? name) => name is not null && NamePattern().IsMatch(name);

    public async Task<ApiKeyOwner?> FindAsync(string key, CancellationToken ct)
    {
        var hash = ApiKeyText.Hash(key);
        var configured = settings.CurrentValue.ApiKeys
            .FirstOrDefault(k => k.Hash.Length == hash.Length && ApiKeyText.HashesEqual(k.Hash, hash) && ChronicleRoles.IsKnown(k.Role));
        if (configured is not null) return new ApiKeyOwner(configured.Name, configured.Role);

        await using var command = dataSource.CreateCommand(
            $"SELECT name, role FROM {Schema}.api_keys WHERE key_hash = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = hash });
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? new ApiKeyOwner(reader.GetString(0), reader.GetString(1)) : null;
    }

    /// <summary>Stores a new key's hash; returns the key, which exists nowhere else afterwards. Null when the name is taken.</summary>
    public async Task<string?> CreateAsync(string name, string role, CancellationToken ct)
    {
        var key = ApiKeyText.NewKey();
        await using var command = dataSource.CreateCommand(
            $"INSERT INTO {Schema}.api_keys (name, role, key_hash) VALUES ($1, $2, $3) ON CONFLICT (name) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = role });
        command.Parameters.Add(new NpgsqlParameter { Value = ApiKeyText.Hash(key) });
        return await command.ExecuteNonQueryAsync(ct) == 1 ? key : null;
    }

    /// <summary>Revokes the key of that name; false when there is no active one.</summary>
    public async Task<bool> RevokeAsync(string name, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"UPDATE {Schema}.api_keys SET revoked_at = now() WHERE name = $1 AND revoked_at IS NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        return await command.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>Keys in the database by name, then keys in configuration in their configured order.</summary>
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT name, role, created_at, revoked_at FROM {Schema}.api_keys ORDER BY name");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeySummary>();
        while (await reader.ReadAsync(ct))
            keys.Add(new(reader.GetString(0), reader.GetString(1), ApiKeySummary.FromDatabase, reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3)));
        keys.AddRange(settings.CurrentValue.ApiKeys.Where(k => ChronicleRoles.IsKnown(k.Role))
            .Select(k => new ApiKeySummary(k.Name, k.Role, ApiKeySummary.FromConfiguration, null, null)));
        return keys;
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{0,63}\z")]
    private static partial Regex NamePattern();
}
