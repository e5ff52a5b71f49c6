using CstoChronicle.Domain.Store;
using Microsoft.AspNetCore.Http;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>Several API processes on one schema, and one stopped in the middle of a delivery.</summary>
public sealed class WebhookFailoverTests
{
    [Fact]
    public async Task A_process_stopped_mid_delivery_is_followed_by_one_that_redelivers_with_the_same_webhook_id()
    {
        await using var database = new NotificationNode(); // owns the schema; never started
        await using var receiver = await WebhookReceiver.StartAsync();
        var firstRequest = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var neverAnswer = new TaskCompletionSource<IResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.Answer = (_, before) =>
        {
            if (before > 0) return Task.FromResult(Results.NoContent());
            firstRequest.TrySetResult();
            return neverAnswer.Task;
        };

        var entity = ChronicleEvents.Entity();
        var first = NotificationNode.JoiningSchemaOf(database);
        await first.SubscribeAsync(receiver, entity);
        var appended = await first.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        await firstRequest.Task.WithinLimit("the first process to start delivering");
        await first.DisposeAsync();

        await using var second = NotificationNode.JoiningSchemaOf(database);
        _ = second.Server;
        await Eventually.HoldsAsync(() => receiver.Received.Count >= 2, "the second process to redeliver");
        neverAnswer.TrySetResult(Results.NoContent());

        receiver.Received.Count.ShouldBeGreaterThanOrEqualTo(2);
        receiver.Received.ShouldAllBe(r => r.WebhookId == appended.EventId.ToString());
        receiver.Received.ShouldAllBe(r => r.SignatureValid);
    }

    [Fact]
    public async Task Two_processes_on_one_schema_deliver_each_event_to_each_subscription()
    {
        await using var a = new NotificationNode();
        await using var b = NotificationNode.JoiningSchemaOf(a);
        _ = b.Server;
        await using var one = await WebhookReceiver.StartAsync();
        await using var two = await WebhookReceiver.StartAsync();
        var entity = ChronicleEvents.Entity();
        await a.SubscribeAsync(one, entity);
        await b.SubscribeAsync(two, entity);

        var appended = new List<RecordedEvent>();
        var appends = Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? a : b).Store);
        foreach (var store in appends) appended.Add(await store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity));

        await Eventually.HoldsAsync(() => one.Received.Count >= 30 && two.Received.Count >= 30, "every event at both receivers");
        foreach (var receiver in new[] { one, two })
        {
            receiver.Received.Select(r => r.WebhookId).Distinct().Order().ShouldBe(appended.Select(e => e.EventId.ToString()).Order());
            receiver.Received.ShouldAllBe(r => r.SignatureValid);
        }
    }
}
