using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// What Wolverine does when a delivery fails: retry after an exponential back-off (InitialBackoff · 2^(n-1), capped at
/// MaxBackoff) spread by Wolverine's bounded jitter (up to +20 %), or after the receiver's Retry-After when that is longer
/// (capped at MaxRetryAfter); after MaxAttempts, Wolverine's dead-letter storage. A database that cannot be reached is
/// retried for as long as it takes: nothing about the receiver is known then.
/// </summary>
public static class WebhookRetryRules
{
    public const double Jitter = 0.2;

    public static void Apply(HandlerChain chain, WebhookSettings settings)
    {
        var delays = Backoffs(settings);
        chain.OnException<WebhookAttemptFailed>(e => e.IsLastAttempt).MoveToErrorQueue();
        chain.OnException<WebhookAttemptFailed>(e => e.RetryAfter is not null)
            .CustomActionIndefinitely((_, lifecycle, e) =>
            {
                var attempt = Math.Max(1, lifecycle.Envelope?.Attempts ?? 1);
                var backoff = delays[Math.Min(attempt, delays.Length) - 1];
                var asked = ((WebhookAttemptFailed)e).RetryAfter!.Value;
                var honoured = asked < settings.MaxRetryAfter ? asked : settings.MaxRetryAfter;
                return new ValueTask(lifecycle.ReScheduleAsync(DateTimeOffset.UtcNow + (honoured > backoff ? honoured : backoff)));
            }, "retry after the receiver's Retry-After");
        chain.OnException<WebhookAttemptFailed>().ScheduleRetry(delays).WithBoundedJitter(Jitter);
        chain.OnException<NpgsqlException>().ScheduleRetryIndefinitely(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30));
    }

    /// <summary>The waits before attempts 2 to MaxAttempts.</summary>
    public static TimeSpan[] Backoffs(WebhookSettings settings) =>
        Enumerable.Range(0, Math.Max(1, settings.MaxAttempts - 1))
            .Select(n => TimeSpan.FromMilliseconds(Math.Min(settings.InitialBackoff.TotalMilliseconds * Math.Pow(2, n), settings.MaxBackoff.TotalMilliseconds)))
            .ToArray();
}
