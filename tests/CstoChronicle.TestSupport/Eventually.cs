namespace CstoChronicle.TestSupport;

/// <summary>
/// Waits for a condition another party brings about (a daemon catching up, a lock wait showing up, a webhook
/// arriving). The limit only stops a broken test from hanging; nothing is asserted about how long it took.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task HoldsAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Gave up waiting for: {what}");
            await Task.Delay(25);
        }
    }

    public static Task HoldsAsync(Func<bool> condition, string what) => HoldsAsync(() => Task.FromResult(condition()), what);

    public static async Task<T> WithinLimit<T>(this Task<T> task, string what)
    {
        try { return await task.WaitAsync(Limit); }
        catch (TimeoutException) { throw new TimeoutException($"Gave up waiting for: {what}"); }
    }

    public static async Task WithinLimit(this Task task, string what)
    {
        try { await task.WaitAsync(Limit); }
        catch (TimeoutException) { throw new TimeoutException($"Gave up waiting for: {what}"); }
    }
}
