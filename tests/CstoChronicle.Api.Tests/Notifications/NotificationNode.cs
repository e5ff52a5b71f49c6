using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.DependencyInjection;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// One API process for notification tests: fast heartbeats and retries, loopback receivers allowed, no dataset.
/// Nodes made with <see cref="JoiningSchemaOf"/> share the first node's schema, as API nodes share a database;
/// only the first node drops it.
/// </summary>
public sealed class NotificationNode : ChronicleApiFactory
{
    public NotificationNode() : this(null, []) { }

    private NotificationNode(string? schema, Dictionary<string, string?> extra) : base(Configuration(schema, extra))
    {
        SharedSchema = schema ?? Schema;
    }

    /// <summary>The schema this node works in (its own, or the one it joined).</summary>
    public string SharedSchema { get; }

    public static NotificationNode WithSettings(Dictionary<string, string?> extra) => new(null, extra);

    public static NotificationNode JoiningSchemaOf(NotificationNode first, Dictionary<string, string?>? extra = null) =>
        new(first.SharedSchema, extra ?? []);

    public EventLog Store => Services.GetRequiredService<EventLog>();

    /// <summary>The states of the deliveries the fan-out opened for the event at <paramref name="position"/>, in subscription order.</summary>
    public async Task<string[]> DeliveryStatesAsync(long position) =>
        await ScalarInSchemaAsync<string[]>(SharedSchema,
            "SELECT coalesce(array_agg(state ORDER BY subscription_id), '{}') FROM {schema}.es_deliveries WHERE position = $1", position) ?? [];

    private static Dictionary<string, string?> Configuration(string? schema, Dictionary<string, string?> extra)
    {
        var configuration = new Dictionary<string, string?>
        {
            ["Chronicle:ImportDataset"] = "false",
            ["Chronicle:Notifications:HeartbeatInterval"] = "00:00:00.300",
            ["Chronicle:Webhooks:AllowPrivateTargets"] = "true",
            ["Chronicle:Webhooks:AllowedPorts"] = "*",
            ["Chronicle:Webhooks:MaxAttempts"] = "4",
            ["Chronicle:Webhooks:InitialBackoff"] = "00:00:00.100",
            ["Chronicle:Webhooks:MaxBackoff"] = "00:00:00.400",
            ["Chronicle:Webhooks:Timeout"] = "00:00:30",
        };
        if (schema is not null) configuration["Chronicle:Schema"] = schema;
        foreach (var (key, value) in extra) configuration[key] = value;
        return configuration;
    }
}
