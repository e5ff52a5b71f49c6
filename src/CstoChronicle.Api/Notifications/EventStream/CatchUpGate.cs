namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>
/// The streams' share of the connection pool: every read a stream makes from the store (its starting head, its
/// catch-up pages) passes through here, at most <see cref="NotificationSettings.CatchUpConcurrency"/> at a time, so
/// three hundred clients resuming from position 0 queue here instead of taking every pooled connection (and the
/// server's). The live hub reads outside the gate: one reader per node, whatever the number of streams.
/// </summary>
public sealed class CatchUpGate(Microsoft.Extensions.Options.IOptions<NotificationSettings> settings) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(settings.Value.CatchUpConcurrency, settings.Value.CatchUpConcurrency);

    public async Task<T> ReadAsync<T>(Func<CancellationToken, Task<T>> read, CancellationToken ct)
    {
        await _slots.WaitAsync(ct);
        try
        {
            return await read(ct);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
