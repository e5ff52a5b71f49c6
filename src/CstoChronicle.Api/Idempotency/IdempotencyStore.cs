using CstoChronicle.Api.Platform;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Idempotency;

public sealed record StoredAnswer(int Status, string? ContentType, string? Location, string? ETag, byte[] Body);

public abstract record ClaimOutcome
{
    public sealed record Claimed : ClaimOutcome;
    public sealed record Replay(StoredAnswer Answer) : ClaimOutcome;
    public sealed record OtherRequest : ClaimOutcome;
    public sealed record StillRunning : ClaimOutcome;
}

/// <summary>
/// Idempotency keys in {schema}.api_idempotency, per API key name. A request first claims its key (a row without
/// an answer, owned by this process's <see cref="ProcessLease"/>), so that two concurrent requests with one key cannot
/// both run; the answer is then stored with it. A claim whose owning process died is taken over at once.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource dataSource, IOptions<ChronicleSettings> settings, ProcessLease lease)
{
    /// <summary>Longer than any request runs: a claim older than this without an answer was abandoned, whoever owns it.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromMinutes(2);

    private readonly string _table = SchemaName.Validate(settings.Value.Schema) + ".api_idempotency";

    public async Task<ClaimOutcome> ClaimAsync(string principal, string key, string requestHash, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Expired answers go: this key's, and a few others each time, so that the table does not grow without end.
        await ExecuteAsync(connection, $"""
            DELETE FROM {_table}
             WHERE (principal = $1 AND key = $2 AND created_at < now() - $3)
                OR ctid IN (SELECT ctid FROM {_table} WHERE created_at < now() - $3 LIMIT 100)
            """, ct, principal, key, settings.Value.IdempotencyRetention);
        var inserted = await ExecuteAsync(connection,
            $"INSERT INTO {_table} (principal, key, request_hash, owner) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", ct,
            principal, key, requestHash, lease.Id);
        if (inserted == 1) return new ClaimOutcome.Claimed();

        // A claim never answered is taken over when its process is gone (its lease lock is free: we can take it for
        // the statement), or, whoever owns it, once it is clearly abandoned.
        var takenOver = await ExecuteAsync(connection, $"""
            UPDATE {_table} SET request_hash = $3, created_at = now(), owner = $5
             WHERE principal = $1 AND key = $2 AND status IS NULL
               AND (created_at < now() - $4
                    OR (owner IS NOT NULL AND owner <> $5 AND pg_try_advisory_xact_lock({ProcessLease.LockKey("owner")})))
            """, ct, principal, key, requestHash, AbandonedAfter, lease.Id);
        if (takenOver == 1) return new ClaimOutcome.Claimed();

        await using var command = new NpgsqlCommand(
            $"SELECT request_hash, status, content_type, location, etag, body FROM {_table} WHERE principal = $1 AND key = $2", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = principal });
        command.Parameters.Add(new NpgsqlParameter { Value = key });
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return new ClaimOutcome.StillRunning(); // released between our insert and select
        if (reader.IsDBNull(1)) return new ClaimOutcome.StillRunning();
        if (reader.GetString(0) != requestHash) return new ClaimOutcome.OtherRequest();
        return new ClaimOutcome.Replay(new StoredAnswer(
            reader.GetInt32(1), Text(reader, 2), Text(reader, 3), Text(reader, 4), reader.IsDBNull(5) ? [] : reader.GetFieldValue<byte[]>(5)));
    }

    public async Task CompleteAsync(string principal, string key, StoredAnswer answer, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection,
            $"UPDATE {_table} SET status = $3, content_type = $4, location = $5, etag = $6, body = $7 WHERE principal = $1 AND key = $2", ct,
            principal, key, answer.Status, answer.ContentType, answer.Location, answer.ETag, answer.Body);
    }

    /// <summary>Forgets a claim whose answer is not worth repeating (a conflict, a server error), so that a retry runs again.</summary>
    public async Task ReleaseAsync(string principal, string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, $"DELETE FROM {_table} WHERE principal = $1 AND key = $2 AND status IS NULL", ct, principal, key);
    }

    private static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
