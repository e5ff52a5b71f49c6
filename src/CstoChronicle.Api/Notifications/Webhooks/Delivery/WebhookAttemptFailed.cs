namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// A delivery attempt that did not reach a 2xx (already written in the log). Thrown to Wolverine, whose failure rules
/// (<see cref="WebhookRetryRules"/>) schedule the next attempt or move the message to its dead letters.
/// </summary>
public sealed class WebhookAttemptFailed(string reason, TimeSpan? retryAfter, bool isLastAttempt) : Exception(reason)
{
    /// <summary>How long the receiver asked to be left alone (its Retry-After), if it did.</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;

    /// <summary>The attempts are used up: the message goes to the dead letters.</summary>
    public bool IsLastAttempt { get; } = isLastAttempt;
}
