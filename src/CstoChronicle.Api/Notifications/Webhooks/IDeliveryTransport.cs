namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>Sends one delivery to its subscription's target (e.g. an HTTP webhook). Exceptions count as failed attempts.</summary>
public interface IDeliveryTransport
{
    Task<DeliveryResult> SendAsync(DeliveryRequest request, CancellationToken ct);
}

/// <summary>
/// One attempt to send. <paramref name="MessageId"/> is the event id: the same for every attempt and every
/// replay, so a receiver can drop duplicates. <paramref name="Secret"/> never leaves the transport.
/// </summary>
public sealed record DeliveryRequest(
    long DeliveryId,
    Guid SubscriptionId,
    string Target,
    string Secret,
    Guid MessageId,
    long Position,
    string Payload,
    int Attempt);

public enum DeliveryOutcome
{
    Delivered,
    Failed,

    /// <summary>The receiver says the subscription is gone for good (HTTP 410): it is disabled.</summary>
    Gone,
}

public sealed record DeliveryResult(DeliveryOutcome Outcome, int? StatusCode = null, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Delivered(int statusCode) => new(DeliveryOutcome.Delivered, statusCode);
}
