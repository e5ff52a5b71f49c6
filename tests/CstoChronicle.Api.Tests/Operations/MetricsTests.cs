using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Api.Tests.Notifications;
using Microsoft.AspNetCore.Http;

namespace CstoChronicle.Api.Tests.Operations;

/// <summary>/metrics after a write of each outcome, an open event stream and webhook deliveries (one delivered, one dead).</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task Metrics_show_writes_by_outcome_open_streams_lag_leadership_webhook_backlog_and_request_durations()
    {
        await using var node = NotificationNode.WithSettings(new() { ["Chronicle:Telemetry:SampleInterval"] = "00:00:00.100" });
        var schema = node.SharedSchema;
        var editor = node.CreateEditorClient();

        var source = Facts.Source("metrics-source");
        (await editor.PostJsonAsync("/api/v1/sources", source, ("Idempotency-Key", "metrics-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await editor.PostJsonAsync("/api/v1/sources", source, ("Idempotency-Key", "metrics-1"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await editor.PostJsonAsync("/api/v1/events", """{"type":"StateAcceded","data":{"state":"ARM","on":"not a date","sources":[]}}"""))
            .StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var stale = await editor.PostJsonAsync("/api/v1/events",
            """{"type":"StateAcceded","data":{"state":"KAZ","on":"1992-05-15","sources":[{"sourceId":"metrics-source"}]}}""", ("If-Match", "\"7\""));
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, await stale.Content.ReadAsStringAsync());

        await using var stream = await SseClient.ConnectAsync(node.CreateClient(), "/api/v1/stream?from=0");
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var failing = await WebhookReceiver.StartAsync();
        failing.Answer = (_, _) => Task.FromResult(Results.StatusCode(500));
        var entity = ChronicleEvents.Entity();
        var delivered = await node.SubscribeAsync(receiver, entity);
        var dead = await node.SubscribeAsync(failing, entity);
        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        await Eventually.HoldsAsync(() => receiver.Received.Count >= 1, "a delivery");
        await Eventually.HoldsAsync(async () => (await node.DeliveriesAsync(dead.Id, "dead-letters")).Count >= 1, "a dead letter");

        var client = node.CreateClient();
        List<Sample> metrics = [];
        await Eventually.HoldsAsync(async () =>
        {
            metrics = await Scrape.MetricsAsync(client);
            return metrics.Named("chronicle_webhook_dead_letters", ("subscription", dead.Id)).Any(s => s.Value >= 1);
        }, "the dead letter to be sampled");

        double Sum(string name, params (string, string)[] labels) => metrics.Named(name, [("schema", schema), .. labels]).Sum(s => s.Value);
        Sum("chronicle_writes_total", ("outcome", "created")).ShouldBeGreaterThanOrEqualTo(1);
        Sum("chronicle_writes_total", ("outcome", "replayed")).ShouldBeGreaterThanOrEqualTo(1);
        Sum("chronicle_writes_total", ("outcome", "rejected"), ("endpoint", "/api/v1/events/")).ShouldBeGreaterThanOrEqualTo(1);
        Sum("chronicle_writes_total", ("outcome", "precondition_failed")).ShouldBeGreaterThanOrEqualTo(1);
        Sum("chronicle_sse_streams").ShouldBe(1);
        Sum("chronicle_daemon_leader").ShouldBe(1);
        metrics.Named("chronicle_projection_lag_positions", ("schema", schema), ("shard", "log_cursor:All")).ShouldHaveSingleItem().Value.ShouldBeInRange(0, 5);
        metrics.Named("chronicle_projection_lag_seconds", ("schema", schema), ("shard", "HighWaterMark")).ShouldHaveSingleItem().Value.ShouldBeInRange(0, 60);
        Sum("chronicle_webhook_deliveries_waiting", ("subscription", delivered.Id)).ShouldBe(0);
        Sum("chronicle_webhook_dead_letters", ("subscription", dead.Id)).ShouldBe(1);
        Sum("chronicle_webhook_dead_letters", ("subscription", delivered.Id)).ShouldBe(0);

        // Request duration by endpoint (ASP.NET Core's own), webhook calls (HttpClient), SQL (Npgsql), appends (Marten).
        metrics.Named("http_server_request_duration_seconds_count", ("http_route", "/api/v1/sources/"), ("http_response_status_code", "201"))
            .Sum(s => s.Value).ShouldBeGreaterThanOrEqualTo(1, string.Join("\n", metrics.Where(s => s.Name.StartsWith("http_server", StringComparison.Ordinal)).Select(s => s.ToString()).Take(40)));
        metrics.Named("http_client_request_duration_seconds_count", ("server_address", "127.0.0.1")).Sum(s => s.Value).ShouldBeGreaterThanOrEqualTo(2);
        metrics.Named("db_client_operation_duration_seconds_count").Sum(s => s.Value).ShouldBeGreaterThan(0);
        metrics.Where(s => s.Name.StartsWith("marten_", StringComparison.Ordinal)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task A_node_exports_only_its_own_series_and_keeps_them_when_another_node_in_its_process_stops()
    {
        await using var node = NotificationNode.WithSettings(new() { ["Chronicle:Telemetry:SampleInterval"] = "00:00:00.100" });
        var client = node.CreateClient();
        var other = NotificationNode.WithSettings(new() { ["Chronicle:Telemetry:SampleInterval"] = "00:00:00.100" });
        try
        {
            (await other.CreateEditorClient().PostJsonAsync("/api/v1/sources", Facts.Source("other-node"))).StatusCode.ShouldBe(HttpStatusCode.Created);
            (await Scrape.MetricsAsync(client)).Where(s => s.Labels.GetValueOrDefault("schema") == other.SharedSchema).ShouldBeEmpty();
        }
        finally
        {
            await other.DisposeAsync();
        }
        // The scrape after another host's meters were disposed: the one that would retire metric streams shared with them.
        await Scrape.MetricsAsync(client);

        (await node.CreateEditorClient().PostJsonAsync("/api/v1/sources", Facts.Source("this-node"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await Eventually.HoldsAsync(async () => (await Scrape.MetricsAsync(client))
            .Named("chronicle_writes_total", ("schema", node.SharedSchema), ("outcome", "created")).Sum(s => s.Value) >= 1, "this node's write to be counted");
    }

    [Fact]
    public async Task The_scrape_endpoint_can_be_turned_off()
    {
        await using var node = NotificationNode.WithSettings(new() { ["Chronicle:Telemetry:Prometheus"] = "false" });
        (await node.CreateClient().GetAsync("/metrics")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
