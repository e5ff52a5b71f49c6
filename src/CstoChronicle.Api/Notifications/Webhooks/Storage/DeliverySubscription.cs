namespace CstoChronicle.Api.Notifications.Webhooks.Storage;

/// <summary>
/// A subscription as readers may see it: never its secret. <paramref name="AfterPosition"/> is where it
/// started; it receives the events after it. Null filters match everything. <paramref name="Owner"/> is the
/// name of the API key that made it (null for subscriptions made before owners were kept: only admins see those).
/// </summary>
public sealed record DeliverySubscription(
    Guid Id,
    string Target,
    IReadOnlyList<string>? EventTypes,
    IReadOnlyList<string>? StreamIds,
    string? Description,
    string State,
    string? StateReason,
    long AfterPosition,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Owner);

/// <summary>A subscription to create; <paramref name="Owner"/> is the name of the API key that asks for it.</summary>
public sealed record NewDeliverySubscription(
    string Owner,
    string Target,
    string Secret,
    IReadOnlyList<string>? EventTypes = null,
    IReadOnlyList<string>? StreamIds = null,
    string? Description = null);

public static class SubscriptionStates
{
    public const string Active = "active";

    /// <summary>Stopped by the receiver (gone): its pending deliveries are discarded, nothing more is sent.</summary>
    public const string Disabled = "disabled";

    public const string Deleted = "deleted";
}
