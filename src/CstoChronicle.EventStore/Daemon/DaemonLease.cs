using Npgsql;

namespace CstoChronicle.EventStore.Daemon;

/// <summary>
/// The right to run the daemon: a session-level advisory lock held on a dedicated connection.
/// If the process dies or the connection drops, PostgreSQL releases the lock and a standby takes it.
/// </summary>
internal sealed class DaemonLease(NpgsqlDataSource dataSource, string schema, string name = DaemonLease.DefaultName) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;

    /// <summary>The application_name of the lock connection, so operators (and tests) can find it.</summary>
    public static string ApplicationName(string schema, string name = DefaultName) => $"{name}:{schema}";

    public const string DefaultName = "es_daemon";

    public string LockName => $"{name}:{schema}";

    public async Task<bool> TryAcquireAsync(CancellationToken ct)
    {
        await ReleaseAsync();
        var connection = await dataSource.OpenConnectionAsync(ct);
        bool acquired;
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended($1, 0))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = LockName });
            acquired = (bool)(await command.ExecuteScalarAsync(ct))!;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        if (!acquired)
        {
            await connection.DisposeAsync();
            return false;
        }

        _connection = connection;
        try
        {
            // Named only while it holds the lock: a pooled connection keeps its name when returned.
            await using var setName = new NpgsqlCommand("SELECT set_config('application_name', $1, false)", connection);
            setName.Parameters.Add(new NpgsqlParameter { Value = ApplicationName(schema, name) });
            await setName.ExecuteNonQueryAsync(ct);
            return true;
        }
        catch
        {
            await ReleaseAsync();
            throw;
        }
    }

    /// <summary>True while the lock connection answers; a dead connection means the lock is gone.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken ct)
    {
        if (_connection is null) return false;
        try
        {
            await using var command = new NpgsqlCommand("SELECT 1", _connection);
            await command.ExecuteScalarAsync(ct);
            return true;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            await ReleaseAsync();
            return false;
        }
    }

    public async Task ReleaseAsync()
    {
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is null) return;
        try
        {
            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended($1, 0))", connection))
            {
                unlock.Parameters.Add(new NpgsqlParameter { Value = LockName });
                await unlock.ExecuteScalarAsync();
            }
            // The connection goes back to the pool, which does not reset the name.
            await using var reset = new NpgsqlCommand("RESET application_name", connection);
            await reset.ExecuteNonQueryAsync();
        }
        catch (Exception)
        {
            // The connection is already gone, and the lock with it.
        }
        finally
        {
            await connection.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();
}
