using CstoChronicle.Api.Notifications.EventStream;
using CstoChronicle.Api.Notifications.Webhooks;
using CstoChronicle.Domain.Store;
using CstoChronicle.Api.Notifications.Webhooks.Delivery;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Npgsql;

namespace CstoChronicle.Api.Notifications;

/// <summary>The event stream (SSE) and webhooks: registration and endpoints.</summary>
public static class NotificationsSetup
{
    public static IServiceCollection AddChronicleNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationSettings>().Bind(configuration.GetSection(NotificationSettings.Section))
            .Validate(s => s.HeartbeatInterval > TimeSpan.Zero, "Chronicle:Notifications:HeartbeatInterval must be positive")
            .Validate(s => s.MaxStreamsPerAddress >= 1 && s.MaxStreams >= 1 && s.CatchUpConcurrency >= 1 && s.StreamRetryAfter > TimeSpan.Zero,
                "Chronicle:Notifications needs MaxStreamsPerAddress, MaxStreams and CatchUpConcurrency of 1 or more and a positive StreamRetryAfter")
            .ValidateOnStart();
        services.AddOptions<WebhookSettings>().Bind(configuration.GetSection(WebhookSettings.Section))
            .Validate(s => s.MaxAttempts >= 1 && s.Concurrency >= 1 && s.Timeout > TimeSpan.Zero && s.MaxSubscriptionsPerOwner >= 1
                    && s.Retention > TimeSpan.Zero && s.RetentionInterval > TimeSpan.Zero,
                "Chronicle:Webhooks needs MaxAttempts, Concurrency and MaxSubscriptionsPerOwner of 1 or more and positive Timeout, Retention and RetentionInterval")
            .Validate(s => s.AllowedPorts.Trim() == "*" || s.AllowedPorts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .All(p => int.TryParse(p, out var port) && port is >= 1 and <= 65535),
                "Chronicle:Webhooks:AllowedPorts must be '*' or comma-separated port numbers, e.g. 80,443")
            .ValidateOnStart();

        services.AddSingleton<CommittedLog>();
        services.AddSingleton<LiveEventHub>();
        services.AddHostedService(provider => provider.GetRequiredService<LiveEventHub>());
        services.AddSingleton<EventStreamReader>();
        services.AddSingleton<StreamAdmission>();
        services.AddSingleton<CatchUpGate>();

        services.AddSingleton<TargetUrlValidator>();
        services.AddSingleton<HttpWebhookTransport>();
        services.AddSingleton(provider => new DeliverySubscriptions(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ChronicleStoreSettings>().Schema));
        services.AddSingleton(provider => new DeliveryLog(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ChronicleStoreSettings>().Schema));
        services.AddSingleton(provider => new DeliveryRetention(
            provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<ChronicleStoreSettings>().Schema));
        services.AddSingleton<IDeliveryTransport>(provider => provider.GetRequiredService<HttpWebhookTransport>());
        services.AddHostedService<DeliveryHost>();
        services.AddWebhookDelivery();
        return services;
    }

    public static IEndpointRouteBuilder MapNotificationsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapEventStreamApi();
        routes.MapSubscriptionsApi();
        return routes;
    }
}
