namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

/// <summary>When to try a failed delivery again: exponential back-off with jitter, never sooner than the receiver's Retry-After.</summary>
public static class RetrySchedule
{
    /// <param name="failedAttempts">Attempts made so far, all failed (1 after the first failure).</param>
    /// <param name="random">A number in [0, 1).</param>
    public static TimeSpan NextDelay(DeliveryOptions options, int failedAttempts, TimeSpan? retryAfter, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempts, 1);
        var exponent = Math.Min(failedAttempts - 1, 30);
        var backoff = Math.Min(options.InitialBackoff.TotalMilliseconds * Math.Pow(2, exponent), options.MaxBackoff.TotalMilliseconds);
        var jittered = backoff * (1 - options.Jitter + 2 * options.Jitter * random);
        var delay = TimeSpan.FromMilliseconds(jittered);
        if (retryAfter is { } asked)
        {
            var honoured = asked < options.MaxRetryAfter ? asked : options.MaxRetryAfter;
            if (honoured > delay) delay = honoured;
        }
        return delay;
    }
}
