using CstoChronicle.Api.Notifications.CloudEvents;
using CstoChronicle.Api.Notifications.Webhooks.Queue;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>Builds the delivery pieces from the API's settings.</summary>
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
    };

    public static FanOutSubscription FanOut(IServiceProvider services)
    {
        var source = services.GetRequiredService<IOptions<NotificationSettings>>().Value.Source;
        return new FanOutSubscription(
            services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<ChronicleStoreSettings>().Schema,
            e => CloudEventJson.Write(e, source), services.GetRequiredService<DeliveryWakeup>());
    }

    public static DeliveryWorker Worker(IServiceProvider services) => new(
        services.GetRequiredService<NpgsqlDataSource>(),
        services.GetRequiredService<ChronicleStoreSettings>().Schema,
        services.GetRequiredService<DeliveryWakeup>(),
        Options(services.GetRequiredService<IOptions<WebhookSettings>>().Value),
        services.GetRequiredService<HttpWebhookTransport>(),
        services.GetRequiredService<ILogger<DeliveryWorker>>());
}
