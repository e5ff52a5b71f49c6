namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>One event queued for one subscription, and how its delivery went so far.</summary>
public sealed record DeliveryRecord(
    long Id,
    Guid SubscriptionId,
    long Position,
    Guid EventId,
    string EventType,
    string StreamId,
    string State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    int? LastStatus,
    string? LastError,
    long? ReplayOf,
    DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<DeliveryAttempt> AttemptLog);

/// <summary>One line of the delivery log.</summary>
public sealed record DeliveryAttempt(
    int Attempt,
    DateTimeOffset AttemptedAt,
    int DurationMs,
    string Outcome,
    int? StatusCode,
    string? Error);

public static class DeliveryStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";

    /// <summary>A dead letter: every attempt failed. The subscription moved on; it can be replayed.</summary>
    public const string Dead = "dead";

    /// <summary>A dead letter that was replayed: a new delivery carries it now.</summary>
    public const string Replayed = "replayed";

    /// <summary>Not sent: its subscription was disabled (the receiver answered 410) or deleted first.</summary>
    public const string Discarded = "discarded";
}

/// <summary>A delivery of the event at <paramref name="Position"/> to a subscription; <paramref name="Pending"/> when it is still to be sent.</summary>
public sealed record QueuedDelivery(long DeliveryId, Guid SubscriptionId, bool Pending, long Position, Guid EventId);

/// <summary>Where a delivery goes: <paramref name="Secret"/> is null once the subscription is deleted.</summary>
public sealed record DeliveryTarget(long DeliveryId, Guid SubscriptionId, string Target, string? Secret, string SubscriptionState, string DeliveryState)
{
    /// <summary>Pending, or dead and just replayed (the replay marks the row pending after it frees the message).</summary>
    public bool IsToBeSent => DeliveryState is DeliveryStates.Pending or DeliveryStates.Dead && SubscriptionState == SubscriptionStates.Active && Secret is not null;
}

/// <summary>A dead letter to replay; <paramref name="EnvelopeId"/> is its message in Wolverine's dead-letter storage, if there.</summary>
public sealed record DeadLetterToReplay(long DeliveryId, Guid SubscriptionId, long Position, Guid EventId, Guid? EnvelopeId);
