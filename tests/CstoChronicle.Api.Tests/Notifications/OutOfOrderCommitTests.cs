using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// The bug class readers of a global sequence hit most: a transaction holding a lower position commits after a
/// higher one, and a reader that already moved past the higher one skips it forever. The stream reads only up to
/// Marten's high-water mark, which waits for the open transaction: both events arrive, in order, nothing skipped.
/// </summary>
public sealed class OutOfOrderCommitTests(NotificationNode node) : IClassFixture<NotificationNode>
{
    [Fact]
    public async Task A_later_position_committed_first_waits_for_the_earlier_one_and_the_stream_gets_both_in_order()
    {
        var (slowEntity, fastEntity) = (ChronicleEvents.Entity(), ChronicleEvents.Entity());
        var from = await node.Store.HeadPositionAsync();
        await using var client = await SseClient.ConnectAsync(node.CreateClient(), $"/api/v1/stream?from={from}&entities={slowEntity},{fastEntity}");

        var store = node.Services.GetRequiredService<IDocumentStore>();
        await using var connection = new NpgsqlConnection(node.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        long slow;
        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            var action = session.Events.Append(slowEntity, new StateAcceded(slowEntity, HistoricalDate.Parse("2006"), [new Citation("test-source")]));
            await session.SaveChangesAsync();
            slow = action.Events[0].Sequence;
        }
        var fast = await node.Store.AppendAsync(ChronicleEvents.StateAcceded(fastEntity), fastEntity);
        fast.Position.ShouldBeGreaterThan(slow);

        // The later event is committed, but nothing may be sent before the earlier one commits.
        var early = client.NextEventAsync();
        (await Task.WhenAny(early, Task.Delay(TimeSpan.FromSeconds(4)))).ShouldNotBe(early, "an event was sent past an open lower position");

        await transaction.CommitAsync();
        var first = await early.WithinLimit("the earlier event");
        var second = await client.NextEventAsync();

        first.Id.ShouldBe(slow.ToString());
        second.Id.ShouldBe(fast.Position.ToString());
    }
}
