using CstoChronicle.Api.Notifications.Webhooks.Storage;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>POST /api/v1/subscriptions: where to send, and optionally which event types and entities (empty or absent: all).</summary>
public sealed record CreateSubscriptionRequest(string Url, IReadOnlyList<string>? Types = null, IReadOnlyList<string>? Entities = null, string? Description = null);

/// <summary>A subscription as listed: never its secret. <c>Owner</c> is the name of the API key that made it.</summary>
public record SubscriptionResponse(
    Guid Id, string Url, IReadOnlyList<string>? Types, IReadOnlyList<string>? Entities, string? Description,
    string State, string? StateReason, long AfterPosition, DateTimeOffset CreatedAt, string? Owner)
{
    public static SubscriptionResponse From(DeliverySubscription s) =>
        new(s.Id, s.Target, s.EventTypes, s.StreamIds, s.Description, s.State, s.StateReason, s.AfterPosition, s.CreatedAt, s.Owner);
}

/// <summary>The answer to a create: the only time the signing secret is shown.</summary>
public sealed record CreatedSubscriptionResponse(
    Guid Id, string Url, IReadOnlyList<string>? Types, IReadOnlyList<string>? Entities, string? Description,
    string State, string? StateReason, long AfterPosition, DateTimeOffset CreatedAt, string? Owner, string Secret)
    : SubscriptionResponse(Id, Url, Types, Entities, Description, State, StateReason, AfterPosition, CreatedAt, Owner);

public sealed record DeliveryResponse(
    long Id, long Position, Guid EventId, string Type, string Entity, string State, int Attempts,
    DateTimeOffset? NextAttemptAt, int? LastStatus, string? LastError, long? ReplayOf,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, IReadOnlyList<DeliveryAttempt> Log)
{
    public static DeliveryResponse From(DeliveryRecord d) => new(
        d.Id, d.Position, d.EventId, d.EventType, d.StreamId, d.State, d.Attempts,
        d.State == DeliveryStates.Pending ? d.NextAttemptAt : null, d.LastStatus, d.LastError, d.ReplayOf,
        d.CreatedAt, d.CompletedAt, d.AttemptLog);
}

public sealed record DeliveryPage(IReadOnlyList<DeliveryResponse> Deliveries, long? NextBefore);
