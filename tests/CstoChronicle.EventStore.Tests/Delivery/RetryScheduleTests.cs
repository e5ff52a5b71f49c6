using CstoChronicle.Api.Notifications.Webhooks.Queue;

namespace CstoChronicle.EventStore.Tests.Delivery;

public sealed class RetryScheduleTests
{
    private static readonly DeliveryOptions Options = new()
    {
        InitialBackoff = TimeSpan.FromSeconds(5), MaxBackoff = TimeSpan.FromMinutes(1), Jitter = 0.2, MaxRetryAfter = TimeSpan.FromMinutes(10),
    };

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(40, 60)]
    public void The_wait_doubles_after_each_failure_up_to_the_maximum(int failures, int expectedSeconds) =>
        RetrySchedule.NextDelay(Options, failures, null, 0.5).ShouldBe(TimeSpan.FromSeconds(expectedSeconds));

    [Fact]
    public void Jitter_spreads_the_wait_by_at_most_the_configured_fraction_either_way()
    {
        RetrySchedule.NextDelay(Options, 2, null, 0).ShouldBe(TimeSpan.FromSeconds(8));
        RetrySchedule.NextDelay(Options, 2, null, 0.999999).TotalSeconds.ShouldBe(12, 0.001);
    }

    [Fact]
    public void A_retry_after_longer_than_the_back_off_is_waited_for()
    {
        RetrySchedule.NextDelay(Options, 1, TimeSpan.FromSeconds(90), 0.5).ShouldBe(TimeSpan.FromSeconds(90));
    }

    [Fact]
    public void A_retry_after_shorter_than_the_back_off_does_not_shorten_it()
    {
        RetrySchedule.NextDelay(Options, 3, TimeSpan.FromSeconds(1), 0.5).ShouldBe(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public void A_retry_after_beyond_the_limit_is_cut_to_the_limit()
    {
        RetrySchedule.NextDelay(Options, 1, TimeSpan.FromDays(3), 0.5).ShouldBe(TimeSpan.FromMinutes(10));
    }
}
