using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CstoChronicle.EventStore.Notifications;

/// <summary>
/// One LISTEN connection per process and schema, fanning each append notification out to every
/// waiting reader. Readers take <see cref="NextSignal"/> before they read, then await it when they
/// have caught up, so a notification arriving between the read and the wait is not lost.
///
/// A listener failure must never stop readers: they also poll, and when the connection drops the
/// listener wakes everyone (notifications may have been missed), then reconnects with back-off.
/// </summary>
public sealed class NotificationListener : IAsyncDisposable
{
    /// <summary>The application_name of the listening connection, so operators (and tests) can find it.</summary>
    public static string ApplicationName(string schema) => $"es_listener:{schema}";

    /// <summary>The application_name of a listener on another channel than the store's event channel.</summary>
    public static string ApplicationNameForChannel(string channel) => $"es_listener:{channel}";

    private readonly NpgsqlDataSource _dataSource;
    private readonly EventStoreOptions _options;
    private readonly ILogger _logger;
    private readonly string _channel;
    private readonly string _applicationName;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _startLock = new();
    private TaskCompletionSource _signal = NewSignal();
    private Task? _loop;
    private int _connectedCount;

    /// <param name="channel">The channel to listen on; the store's event channel when null.</param>
    public NotificationListener(NpgsqlDataSource dataSource, EventStoreOptions options, ILogger<NotificationListener>? logger = null, string? channel = null)
    {
        _dataSource = dataSource;
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _channel = channel ?? options.NotificationChannel;
        _applicationName = channel is null ? ApplicationName(options.Schema) : ApplicationNameForChannel(channel);
    }

    /// <summary>Completes at the next notification (or listener reconnection). Starts the listener on first use.</summary>
    public Task NextSignal
    {
        get
        {
            EnsureStarted();
            return Volatile.Read(ref _signal).Task;
        }
    }

    /// <summary>True while the LISTEN connection is open.</summary>
    public bool IsListening { get; private set; }

    /// <summary>The server process id of the LISTEN connection while it is open.</summary>
    public int? ProcessId { get; private set; }

    /// <summary>How many times the listener has (re)connected; grows by one after each reconnection.</summary>
    public int ConnectedCount => Volatile.Read(ref _connectedCount);

    /// <summary>Waits for the next signal, at most <paramref name="timeout"/>. Returns false on timeout.</summary>
    public static async Task<bool> WaitAsync(Task signal, TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await signal.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    public void EnsureStarted()
    {
        if (_loop is not null) return;
        lock (_startLock)
            _loop ??= Task.Run(() => ListenLoopAsync(_stopping.Token));
    }

    private async Task ListenLoopAsync(CancellationToken ct)
    {
        var delay = _options.ListenerReconnectMinDelay;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(ct);
                await using var cleanup = new ListenerCleanup(connection);
                connection.Notification += (_, _) => Fire();
                await using (var name = new NpgsqlCommand("SELECT set_config('application_name', $1, false)", connection))
                {
                    name.Parameters.Add(new NpgsqlParameter { Value = _applicationName });
                    await name.ExecuteNonQueryAsync(ct);
                }
                await using (var listen = new NpgsqlCommand($"LISTEN {QuotedChannel}", connection))
                    await listen.ExecuteNonQueryAsync(ct);

                ProcessId = connection.ProcessID;
                IsListening = true;
                Interlocked.Increment(ref _connectedCount);
                delay = _options.ListenerReconnectMinDelay;
                Fire(); // anything committed while we were not listening

                while (!ct.IsCancellationRequested)
                {
                    // A timeout is a chance to probe the connection, which an idle wait would not notice dying.
                    if (!await connection.WaitAsync(TimeSpan.FromSeconds(15), ct))
                        await using (var ping = new NpgsqlCommand("SELECT 1", connection))
                            await ping.ExecuteNonQueryAsync(ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                _logger.LogWarning(e, "Notification listener on {Channel} lost its connection; reconnecting in {Delay}.", _channel, delay);
            }
            finally
            {
                IsListening = false;
                ProcessId = null;
            }

            Fire();
            try
            {
                await Task.Delay(delay, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.ListenerReconnectMaxDelay.Ticks));
        }
    }

    /// <summary>LISTEN takes no parameter, so the channel goes into the SQL text as a quoted identifier.</summary>
    private string QuotedChannel => "\"" + _channel.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private void Fire() => Interlocked.Exchange(ref _signal, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            try { await _loop; } catch (OperationCanceledException) { }
        }
        _stopping.Dispose();
        Fire();
    }

    /// <summary>
    /// A pooled connection is reset lazily, on its next use: until then it would keep listening (holding
    /// back the server's notification queue) and keep its name. A dead connection needs nothing.
    /// </summary>
    private sealed class ListenerCleanup(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.FullState != System.Data.ConnectionState.Open) return;
            try
            {
                await using var command = new NpgsqlCommand("UNLISTEN *; RESET application_name", connection);
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception)
            {
                // Broken connections are discarded by the pool anyway.
            }
        }
    }
}
