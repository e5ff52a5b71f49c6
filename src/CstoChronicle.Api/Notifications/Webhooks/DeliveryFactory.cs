using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.EventStore;
using CstoChronicle.EventStore.Daemon;
using CstoChronicle.EventStore.Delivery;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>Builds the store-side delivery pieces from the API's settings.</summary>
public static class DeliveryFactory
{
    public static DeliveryOptions Options(WebhookSettings settings) => new()
    {
        MaxAttempts = settings.MaxAttempts,
        InitialBackoff = settings.InitialBackoff,
        MaxBackoff = settings.MaxBackoff,
        MaxRetryAfter = settings.MaxRetryAfter,
        Concurrency = settings.Concurrency,
        PollInterval = settings.PollInterval,
        LeadershipRetryInterval = settings.PollInterval * 5,
        LeaseCheckInterval = settings.PollInterval * 2,
    };

    public static DeliveryFanOut FanOut(IServiceProvider services)
    {
        var store = services.GetRequiredService<PostgresEventStore>();
        var source = services.GetRequiredService<IOptions<NotificationSettings>>().Value.Source;
        return new DeliveryFanOut(
            services.GetRequiredService<NpgsqlDataSource>(), store.Options,
            Options(services.GetRequiredService<IOptions<WebhookSettings>>().Value),
            e => CloudEventJson.Write(e, source),
            store.Notifications,
            services.GetRequiredService<ILogger<ProjectionDaemon>>());
    }

    public static DeliveryWorker Worker(IServiceProvider services) => new(
        services.GetRequiredService<NpgsqlDataSource>(),
        services.GetRequiredService<PostgresEventStore>().Options,
        Options(services.GetRequiredService<IOptions<WebhookSettings>>().Value),
        services.GetRequiredService<HttpWebhookTransport>(),
        services.GetRequiredService<ILogger<DeliveryWorker>>());
}
