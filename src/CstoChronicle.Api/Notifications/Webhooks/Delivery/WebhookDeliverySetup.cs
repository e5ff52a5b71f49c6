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
        var before = services.Count;
        services.AddWolverine(ExtensionDiscovery.ManualOnly, options =>
        {
            WithoutDiscovery(options);
            options.Durability.Mode = DurabilityMode.Balanced;
        });
        ReplaceRuntimeHostedService(services, before);
        services.AddWolverineExtension<WebhookQueues>();
        services.AddSingleton<IAppendEnlistment, WebhookOutbox>();
        services.AddSingleton<WebhookReplays>();
        return services;
    }

    /// <summary>
    /// Wolverine as this service builds it wherever it does (also <see cref="Platform.WolverineTables"/>, whose tables must be
    /// the service's): no handler discovery, handlers compiled at run time.
    /// </summary>
    internal static void WithoutDiscovery(WolverineOptions options)
    {
        options.Discovery.DisableConventionalDiscovery();
        options.UseRuntimeCompilation();
    }

    /// <summary>The first hosted service AddWolverine registers is the runtime itself; <see cref="WolverineStarter"/> starts it instead, at that place.</summary>
    private static void ReplaceRuntimeHostedService(IServiceCollection services, int from)
    {
        for (var i = from; i < services.Count; i++)
        {
            if (services[i].ServiceType != typeof(IHostedService)) continue;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(provider => provider.GetRequiredService<WolverineStarter>());
            services.AddSingleton<WolverineStarter>();
            return;
        }
        throw new InvalidOperationException("Wolverine registered no hosted service to replace.");
    }
}
