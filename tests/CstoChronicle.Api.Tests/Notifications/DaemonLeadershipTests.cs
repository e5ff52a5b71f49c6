using CstoChronicle.Api.Notifications.EventStream;
using Microsoft.Extensions.DependencyInjection;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// Two API processes on one database: one runs Marten's async daemon (HotCold leadership: the high-water mark and
/// the webhook fan-out), the other serves reads and SSE from what the leader records, and takes over when it dies.
/// </summary>
public sealed class DaemonLeadershipTests
{
    [Fact]
    public async Task The_second_process_takes_over_the_daemon_when_the_leader_dies()
    {
        await using var database = new NotificationNode(); // owns the schema; never started
        var leader = NotificationNode.JoiningSchemaOf(database);
        var entity = ChronicleEvents.Entity();
        var first = await leader.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        await Eventually.HoldsAsync(async () => await MarkAsync(leader) >= first.Position, "the first process to lead and move the high-water mark");

        await using var follower = NotificationNode.JoiningSchemaOf(database);
        _ = follower.Server;
        var second = await follower.Store.AppendAsync(ChronicleEvents.StateWithdrew(entity), entity);
        await Eventually.HoldsAsync(async () => await MarkAsync(follower) >= second.Position, "the follower to read the leader's mark");
        Leads(leader).ShouldBeTrue();
        Leads(follower).ShouldBeFalse();

        await leader.DisposeAsync();
        var third = await follower.Store.AppendAsync(ChronicleEvents.StateAcceded(entity, "2006-08-16"), entity);
        await Eventually.HoldsAsync(async () => await MarkAsync(follower) >= third.Position, "the follower to take over the daemon");

        await using var client = await SseClient.ConnectAsync(follower.CreateClient(), $"/api/v1/stream?entities={entity}&from=0");
        (await client.NextEventsAsync(3)).Select(e => e.Id).ShouldBe([first.Position.ToString(), second.Position.ToString(), third.Position.ToString()]);
    }

    private static Task<long> MarkAsync(NotificationNode node) =>
        node.Services.GetRequiredService<CommittedLog>().HighWaterMarkAsync(CancellationToken.None);

    /// <summary>Whether this process's daemon runs (HotCold: only the leader's does).</summary>
    private static bool Leads(NotificationNode node) =>
        node.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase().IsRunning;
}
