namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

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
}
