namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>Wakes this process's delivery loops when its fan-out queued deliveries; other nodes find them by polling.</summary>
public sealed class DeliveryWakeup
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Next => Volatile.Read(ref _next).Task;

    public void Signal() => Interlocked.Exchange(ref _next, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Waits for <paramref name="signal"/> (taken before looking for work) or the poll interval, whichever comes first.</summary>
    public static async Task WaitAsync(Task signal, TimeSpan poll, CancellationToken ct)
    {
        using var delay = CancellationTokenSource.CreateLinkedTokenSource(ct);
        await Task.WhenAny(signal, Task.Delay(poll, delay.Token));
        await delay.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }
}
