using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Notifications;

public sealed class EventStreamTests(NotificationNode node) : IClassFixture<NotificationNode>
{
    [Fact]
    public async Task The_stream_replays_from_a_position_then_continues_live_with_cloud_events_whose_id_is_the_position()
    {
        var entity = ChronicleEvents.Entity();
        var before = await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity, "2006"), entity);
        await using var client = await SseClient.ConnectAsync(node.CreateClient(), $"/api/v1/stream?entities={entity}&from={before.Position - 1}");
        client.Response.StatusCode.ShouldBe(HttpStatusCode.OK);
        client.Response.Content.Headers.ContentType!.MediaType.ShouldBe("text/event-stream");

        var replayed = await client.NextEventAsync();
        var live = await node.Store.AppendAsync(ChronicleEvents.StateWithdrew(entity, "2012-06-28"), entity);
        var next = await client.NextEventAsync();

        replayed.Id.ShouldBe(before.Position.ToString());
        next.Id.ShouldBe(live.Position.ToString());
        var cloudEvent = JsonDocument.Parse(replayed.Data!).RootElement;
        cloudEvent.GetProperty("specversion").GetString().ShouldBe("1.0");
        cloudEvent.GetProperty("id").GetString().ShouldBe(before.EventId.ToString());
        cloudEvent.GetProperty("type").GetString().ShouldBe("org.csto-chronicle.StateAcceded");
        cloudEvent.GetProperty("subject").GetString().ShouldBe(entity);
        cloudEvent.GetProperty("time").GetString().ShouldBe("2006-01-01T00:00:00Z");
        cloudEvent.GetProperty("historicaldate").GetString().ShouldBe("2006");
        cloudEvent.GetProperty("sequence").GetString().ShouldBe(before.Position.ToString("D19"));
        DateTimeOffset.Parse(cloudEvent.GetProperty("recordedtime").GetString()!).ShouldBe(before.RecordedAt, TimeSpan.FromMilliseconds(1));
        cloudEvent.GetProperty("datacontenttype").GetString().ShouldBe("application/json");
        cloudEvent.GetProperty("data").GetProperty("state").GetString().ShouldBe(entity);
        JsonDocument.Parse(next.Data!).RootElement.GetProperty("time").GetString().ShouldBe("2012-06-28T00:00:00Z");
    }

    [Fact]
    public async Task Without_a_position_the_stream_sends_only_new_events_and_filters_by_type_and_entity()
    {
        var (one, two) = (ChronicleEvents.Entity(), ChronicleEvents.Entity());
        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(one), one);
        await using var client = await SseClient.ConnectAsync(node.CreateClient(), $"/api/v1/stream?types=StateWithdrew&entities={one},{two}");
        await client.NextCommentAsync(c => c.StartsWith("after position"));

        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(two), two);
        var other = ChronicleEvents.Entity();
        await node.Store.AppendAsync(ChronicleEvents.StateWithdrew(other), other);
        var wanted = await node.Store.AppendAsync(ChronicleEvents.StateWithdrew(two), two);

        (await client.NextEventAsync()).Id.ShouldBe(wanted.Position.ToString());
    }

    [Fact]
    public async Task An_idle_stream_sends_comment_heartbeats()
    {
        await using var client = await SseClient.ConnectAsync(node.CreateClient(), "/api/v1/stream");
        (await client.NextCommentAsync(c => c == "heartbeat")).ShouldBe("heartbeat");
    }

    [Fact]
    public async Task A_client_resuming_with_last_event_id_while_appends_run_gets_every_event_once_in_order()
    {
        var entity = ChronicleEvents.Entity();
        var start = await node.Store.HeadPositionAsync();
        const int total = 60;
        var appending = Task.Run(async () =>
        {
            for (var i = 0; i < total; i++) await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        });

        var seen = new List<long>();
        await using (var first = await SseClient.ConnectAsync(node.CreateClient(), $"/api/v1/stream?entities={entity}&from={start}"))
            seen.AddRange((await first.NextEventsAsync(total / 3)).Select(m => long.Parse(m.Id!)));
        await using (var second = await SseClient.ConnectAsync(node.CreateClient(), $"/api/v1/stream?entities={entity}&from=0", lastEventId: seen[^1].ToString()))
            seen.AddRange((await second.NextEventsAsync(total - seen.Count)).Select(m => long.Parse(m.Id!)));
        await appending;

        var stored = new List<long>();
        foreach (var e in await node.Store.ReadStreamAsync(entity)) stored.Add(e.Position);
        seen.ShouldBe(stored);
    }

    [Fact]
    public async Task An_event_appended_through_one_node_reaches_a_stream_client_of_another()
    {
        await using var other = NotificationNode.JoiningSchemaOf(node);
        var entity = ChronicleEvents.Entity();
        await using var client = await SseClient.ConnectAsync(other.CreateClient(), $"/api/v1/stream?entities={entity}");
        await client.NextCommentAsync(c => c.StartsWith("after position"));

        var appended = await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);

        (await client.NextEventAsync()).Id.ShouldBe(appended.Position.ToString());
    }

    [Theory]
    [InlineData("/api/v1/stream?types=NoSuchEvent", "types")]
    [InlineData("/api/v1/stream?from=-1", "from")]
    [InlineData("/api/v1/stream?from=abc", "from")]
    public async Task Bad_parameters_are_problems_naming_the_parameter(string url, string parameter)
    {
        var response = await node.CreateClient().GetAsync(url);
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
        problem.Detail.ShouldNotBeNull().ShouldStartWith(parameter);
    }

    [Fact]
    public async Task A_last_event_id_that_is_not_a_position_is_a_problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/stream");
        request.Headers.Add("Last-Event-ID", "yesterday");
        var response = await node.CreateClient().SendAsync(request);
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "invalid-parameter");
    }
}
