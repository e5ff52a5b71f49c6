using System.Globalization;
using System.Security.Claims;
using CstoChronicle.Api.Http;
using CstoChronicle.Api.Notifications.EventStream;
using CstoChronicle.Api.OpenApi;
using CstoChronicle.Api.Security;
using CstoChronicle.Api.Notifications.Webhooks.Delivery;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// /api/v1/subscriptions: webhooks, their delivery log and dead letters. Editors and admins only; a subscription
/// belongs to the API key that made it, and only that key (or an admin) sees it: to others it does not exist (404).
/// </summary>
public static class SubscriptionsApi
{
    private const int DefaultLimit = 50;
    private const int MaxLimit = 500;

    public static IEndpointRouteBuilder MapSubscriptionsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/subscriptions").WithTags("Webhooks").RequireAuthorization(ChroniclePolicies.Editor);
        group.MapPost("/", Create).WithName("CreateSubscription").RequireRateLimiting(WriteRateLimit.Policy)
            .WithSummary("Subscribe a URL to events; the answer shows the signing secret, once.")
            .WithDescription("The subscription belongs to the calling API key: only that key and admins see it. A key holds at most " +
                             "`Chronicle:Webhooks:MaxSubscriptionsPerOwner` (20) subscriptions; one more is answered 409 too-many-subscriptions.")
            .ProducesProblems(StatusCodes.Status409Conflict)
            .WithResponseExample(StatusCodes.Status409Conflict, Problems.TooManySubscriptions(20));
        group.MapGet("/", List).WithName("ListSubscriptions")
            .WithSummary("Your subscriptions (an admin: everyone's), oldest first, without secrets; page on with ?cursor= (the Link header).");
        group.MapGet("/{id}", Get).WithName("GetSubscription").WithSummary("One of your subscriptions (without its secret).");
        group.MapDelete("/{id}", Delete).WithName("DeleteSubscription").RequireRateLimiting(WriteRateLimit.Policy)
            .WithSummary("Stop delivering to a subscription and forget its secret.");
        group.MapGet("/{id}/deliveries", Deliveries).WithName("ListDeliveries")
            .WithSummary("The subscription's deliveries, newest first, each with its attempts; page back with ?before=.");
        group.MapGet("/{id}/dead-letters", DeadLetters).WithName("ListDeadLetters")
            .WithSummary("Deliveries that failed every attempt and were not replayed, newest first.");
        group.MapPost("/{id}/dead-letters/{deliveryId}/replay", Replay).WithName("ReplayDeadLetter").RequireRateLimiting(WriteRateLimit.Policy)
            .WithSummary("Send a dead letter again, with fresh attempts and the same webhook-id.");
        return routes;
    }

    private static async Task<Results<Created<CreatedSubscriptionResponse>, ProblemHttpResult>> Create(
        CreateSubscriptionRequest request, TargetUrlValidator validator, DeliverySubscriptions subscriptions, IOptions<WebhookSettings> settings,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (await validator.ValidateAsync(request.Url, ct) is { } urlError) errors.Add(new FieldError("$.url", urlError));
        if (!StreamFilter.TryParse(new StringValues(request.Types?.ToArray()), new StringValues(request.Entities?.ToArray()), out var filter, out var filterError))
            errors.Add(new FieldError("$." + filterError.Parameter, filterError.Message));
        if (request.Description is { Length: > 500 }) errors.Add(new FieldError("$.description", "is longer than 500 characters."));
        if (errors.Count > 0) return TypedResults.Problem(Problems.Validation(errors));

        var secret = WebhookSecret.Generate();
        var max = settings.Value.MaxSubscriptionsPerOwner;
        var created = await subscriptions.CreateAsync(new NewDeliverySubscription(
            user.Identity!.Name!, request.Url, secret, filter.Types?.Order(StringComparer.Ordinal).ToArray(), filter.Entities?.Order(StringComparer.Ordinal).ToArray(), request.Description),
            max, ct);
        if (created is null) return TypedResults.Problem(Problems.TooManySubscriptions(max));
        var shown = SubscriptionResponse.From(created);
        return TypedResults.Created($"/api/v1/subscriptions/{created.Id}", new CreatedSubscriptionResponse(
            shown.Id, shown.Url, shown.Types, shown.Entities, shown.Description, shown.State, shown.StateReason, shown.AfterPosition, shown.CreatedAt,
            shown.Owner, secret));
    }

    private static async Task<Results<Ok<IReadOnlyList<SubscriptionResponse>>, ProblemHttpResult>> List(
        string? limit, string? cursor, DeliverySubscriptions subscriptions, ClaimsPrincipal user, HttpContext context, CancellationToken ct)
    {
        if (ParseLimit(limit) is not { } size)
            return TypedResults.Problem(Problems.InvalidParameter("limit", $"must be a whole number from 1 to {MaxLimit}."));
        Guid? after = null;
        if (cursor is not null)
        {
            if (!Guid.TryParseExact(cursor, "D", out var parsed))
                return TypedResults.Problem(Problems.InvalidParameter("cursor", "must be the cursor of a previous page (a subscription id)."));
            after = parsed;
        }
        var page = await subscriptions.ListAsync(OwnerFilter(user), size, after, ct);
        if (page.Count == size) NextPageLink.Add(context, page[^1].Id.ToString());
        return TypedResults.Ok<IReadOnlyList<SubscriptionResponse>>(page.Select(SubscriptionResponse.From).ToList());
    }

    private static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Get(
        string id, DeliverySubscriptions subscriptions, ClaimsPrincipal user, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) && await subscriptions.GetAsync(guid, OwnerFilter(user), ct) is { } found
            ? TypedResults.Ok(SubscriptionResponse.From(found))
            : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        string id, DeliverySubscriptions subscriptions, ClaimsPrincipal user, CancellationToken ct) =>
        Guid.TryParse(id, out var guid) && await subscriptions.DeleteAsync(guid, OwnerFilter(user), ct)
            ? TypedResults.NoContent()
            : NotFound(id);

    private static Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> Deliveries(
        string id, string? limit, string? before, DeliverySubscriptions subscriptions, DeliveryLog log, ClaimsPrincipal user, CancellationToken ct) =>
        PageAsync(id, limit, before, subscriptions, OwnerFilter(user), (guid, size, beforeId) => log.ListAsync(guid, size, beforeId, ct), ct);

    private static Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> DeadLetters(
        string id, string? limit, string? before, DeliverySubscriptions subscriptions, DeliveryLog log, ClaimsPrincipal user, CancellationToken ct) =>
        PageAsync(id, limit, before, subscriptions, OwnerFilter(user), (guid, size, beforeId) => log.ListDeadLettersAsync(guid, size, beforeId, ct), ct);

    private static async Task<Results<Accepted<DeliveryResponse>, ProblemHttpResult>> Replay(
        string id, string deliveryId, DeliverySubscriptions subscriptions, DeliveryLog log, WebhookReplays replays, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var guid) || await subscriptions.GetAsync(guid, OwnerFilter(user), ct) is null) return NotFound(id);
        if (!long.TryParse(deliveryId, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return TypedResults.Problem(Problems.NotFound("dead letter", deliveryId));
        return await replays.ReplayAsync(guid, number, ct) && await log.GetAsync(number, ct) is { } replay
            ? TypedResults.Accepted($"/api/v1/subscriptions/{guid}/deliveries", DeliveryResponse.From(replay))
            : TypedResults.Problem(Problems.NotFound("dead letter", deliveryId));
    }

    private static async Task<Results<Ok<DeliveryPage>, ProblemHttpResult>> PageAsync(
        string id, string? limit, string? before, DeliverySubscriptions subscriptions, string? owner,
        Func<Guid, int, long?, Task<IReadOnlyList<DeliveryRecord>>> read, CancellationToken ct)
    {
        if (ParseLimit(limit) is not { } size)
            return TypedResults.Problem(Problems.InvalidParameter("limit", $"must be a whole number from 1 to {MaxLimit}."));
        long? beforeId = null;
        if (before is not null)
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
                return TypedResults.Problem(Problems.InvalidParameter("before", "must be a delivery id."));
            beforeId = parsed;
        }
        if (!Guid.TryParse(id, out var guid) || await subscriptions.GetAsync(guid, owner, ct) is null) return NotFound(id);

        var deliveries = await read(guid, size, beforeId);
        return TypedResults.Ok(new DeliveryPage(
            deliveries.Select(DeliveryResponse.From).ToList(),
            deliveries.Count == size ? deliveries[^1].Id : null));
    }

    /// <summary>Whose subscriptions the caller may see: an admin everyone's (null), anyone else only their key's.</summary>
    private static string? OwnerFilter(ClaimsPrincipal user) =>
        user.IsInRole(ChronicleRoles.Admin) ? null : user.Identity?.Name ?? throw new InvalidOperationException("An authorised caller without a name.");

    private static int? ParseLimit(string? limit) =>
        limit is null ? DefaultLimit
        : int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size is >= 1 and <= MaxLimit ? size
        : null;

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(Problems.NotFound("subscription", id));
}
