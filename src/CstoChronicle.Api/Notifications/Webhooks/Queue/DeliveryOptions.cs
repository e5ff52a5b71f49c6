namespace CstoChronicle.Api.Notifications.Webhooks.Queue;

public sealed record DeliveryOptions
{
    /// <summary>Attempts per delivery; after the last failed one it becomes a dead letter.</summary>
    public int MaxAttempts { get; init; } = 12;

    /// <summary>The wait after the first failure; it doubles with each further failure, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Each wait is spread at random by up to this fraction either way, so failed receivers are not hit in lockstep.</summary>
    public double Jitter { get; init; } = 0.2;

    /// <summary>The longest Retry-After a receiver may impose; longer ones are cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(6);

    /// <summary>Deliveries this process sends at once (each to a different subscription).</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>How often an idle worker looks for due deliveries when no notification arrives.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Events the fan-out reads per transaction.</summary>
    public int FanOutBatchSize { get; init; } = 500;

    /// <summary>How often a standby fan-out tries to take the lead, and the leader checks it still holds it.</summary>
    public TimeSpan LeadershipRetryInterval { get; init; } = TimeSpan.FromSeconds(5);
    public TimeSpan LeaseCheckInterval { get; init; } = TimeSpan.FromSeconds(2);
}
