using CstoChronicle.Domain.Store;
using JasperFx.Resources;
using Wolverine;

namespace CstoChronicle.Api.Notifications.Webhooks.Delivery;

/// <summary>
/// Wolverine in this process: its envelope tables in the chronicle's schema (through Marten, IntegrateWithWolverine in
/// ChronicleServices), no handler discovery (the two handlers are registered by <see cref="WebhookQueues"/> without code
/// generation), and the outbox that every append writes to.
/// </summary>
public static class WebhookDeliverySetup
{
    public static IServiceCollection AddWebhookDelivery(this IServiceCollection services)
    {
        services.AddWolverine(ExtensionDiscovery.ManualOnly, options =>
        {
            options.Discovery.DisableConventionalDiscovery();
            options.UseRuntimeCompilation();
            options.Durability.Mode = DurabilityMode.Balanced;
        });
        services.AddWolverineExtension<WebhookQueues>();
        services.AddSingleton<IAppendEnlistment, WebhookOutbox>();
        services.AddSingleton<WebhookReplays>();
        return services;
    }
}
