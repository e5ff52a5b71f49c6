namespace CstoChronicle.Api.Notifications;

/// <summary>The <c>Chronicle:Notifications</c> configuration section: the event stream.</summary>
public sealed class NotificationSettings
{
    public const string Section = "Chronicle:Notifications";

    /// <summary>A comment line is sent this often on an idle stream, so proxies keep it open.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The CloudEvents <c>source</c> of every event.</summary>
    public string Source { get; set; } = "urn:csto-chronicle:events";

    /// <summary>How often each node looks whether Marten's high-water mark moved (one query per node, whatever the number of streams).</summary>
    public TimeSpan LivePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Streams one client address may hold open on a node; one more is answered 429.</summary>
    public int MaxStreamsPerAddress { get; set; } = 20;

    /// <summary>Streams a node holds open in all; one more is answered 503.</summary>
    public int MaxStreams { get; set; } = 1000;

    /// <summary>Store reads (a stream's starting head, its catch-up pages) running at once on a node: the streams' share of the connection pool.</summary>
    public int CatchUpConcurrency { get; set; } = 4;

    /// <summary>The Retry-After sent with a refused stream.</summary>
    public TimeSpan StreamRetryAfter { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>The <c>Chronicle:Webhooks</c> configuration section: targets, delivery and retries.</summary>
public sealed class WebhookSettings
{
    public const string Section = "Chronicle:Webhooks";

    /// <summary>Allows targets on private, loopback and link-local addresses (tests and closed networks only).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>The ports a target URL may name, comma-separated; <c>*</c> allows any.</summary>
    public string AllowedPorts { get; set; } = "80,443";

    /// <summary>Delivered deliveries, their attempts and payloads are removed this long after completion (dead letters and pending ones stay).</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each delivering node removes what is past <see cref="Retention"/>.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Subscriptions one API key may hold (deleted ones do not count).</summary>
    public int MaxSubscriptionsPerOwner { get; set; } = 20;

    /// <summary>True when a target URL may name <paramref name="port"/>.</summary>
    public bool AllowsPort(int port) =>
        AllowedPorts.Trim() == "*" ||
        AllowedPorts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(p => int.TryParse(p, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var allowed) && allowed == port);

    /// <summary>How long a receiver may take to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    public int MaxAttempts { get; set; } = 12;
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a node may miss its health checks before Wolverine counts it dead and gives its messages (deliveries
    /// queued or in flight on it) to a live node. Graceful stops hand them over at once.
    /// </summary>
    public TimeSpan DeadNodeTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often each node records that it is alive (Wolverine's health check).</summary>
    public TimeSpan NodeHealthCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Deliveries one node sends at once (the delivery queue's parallel messages).</summary>
    public int Concurrency { get; set; } = 8;
}
