using CstoChronicle.Api.Platform;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Idempotency;

/// <summary>
/// This process's life, as PostgreSQL sees it: a session-level advisory lock on an id of its own, held by one
/// dedicated connection for as long as the process runs. When the process dies its connection goes and PostgreSQL
/// releases the lock, so another process can tell at once that a claim the dead one left unanswered is abandoned.
/// </summary>
public sealed class ProcessLease(NpgsqlDataSource dataSource, IOptions<ChronicleSettings> settings, ILogger<ProcessLease> logger) : IHostedService, IAsyncDisposable
{
    /// <summary>The SQL of a process's lock key from its id (a text parameter or column).</summary>
    public static string LockKey(string id) => $"hashtextextended('chronicle-process:' || {id}, 0)";

    private NpgsqlConnection? _connection;

    public string Id { get; } = Guid.NewGuid().ToString("N");

    public async Task StartAsync(CancellationToken ct)
    {
        try
        {
            var connection = await dataSource.OpenConnectionAsync(ct);
            await using var command = new NpgsqlCommand(
                $"SELECT set_config('application_name', $2, false), pg_advisory_lock({LockKey("$1")})", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = Id });
            // Shown in pg_stat_activity (at most 63 bytes): which schema this process serves, and its lease.
            command.Parameters.Add(new NpgsqlParameter { Value = $"lease:{settings.Value.Schema}:{Id}" });
            await command.ExecuteNonQueryAsync(ct);
            _connection = connection;
        }
        catch (NpgsqlException e)
        {
            // Without it the two-minute takeover still frees abandoned claims; readiness reports the database.
            logger.LogWarning(e, "Could not take this process's lease; abandoned idempotency claims wait for the takeover time");
        }
    }

    public Task StopAsync(CancellationToken ct) => DisposeAsync().AsTask();

    public async ValueTask DisposeAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }
}
