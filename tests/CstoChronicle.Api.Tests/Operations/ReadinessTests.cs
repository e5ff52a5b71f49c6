using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Tests.Notifications;
using CstoChronicle.Domain.Events;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CstoChronicle.Api.Tests.Operations;

/// <summary>/health/ready tells a lagging projection (degraded, still 200) from a stopped one (unhealthy, 503, naming the event).</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task A_projection_stopped_on_a_poisoned_event_makes_readiness_unhealthy_naming_that_event()
    {
        await using var node = new NotificationNode();
        var entity = ChronicleEvents.Entity();
        var api = WithProjection(node, new RefusesWithdrawalOf(entity));
        var client = api.CreateClient();
        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        var poison = await node.Store.AppendAsync(ChronicleEvents.StateWithdrew(entity), entity);

        var (status, body) = (HttpStatusCode.OK, default(JsonElement));
        await Eventually.HoldsAsync(async () => ((status, body) = await ReadyAsync(client)).status == HttpStatusCode.ServiceUnavailable,
            "readiness to turn unhealthy");

        body.GetProperty("status").GetString().ShouldBe("unhealthy");
        var projections = body.GetProperty("checks").GetProperty("projections");
        projections.GetProperty("status").GetString().ShouldBe("unhealthy");
        var description = projections.GetProperty("description").GetString().ShouldNotBeNull();
        description.ShouldContain(poison.EventId.ToString());
        description.ShouldContain("refuses_withdrawals");
        body.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("healthy");
    }

    [Fact]
    public async Task A_projection_behind_by_more_than_the_limit_makes_readiness_degraded_but_ready_and_healthy_again_when_it_catches_up()
    {
        await using var node = NotificationNode.WithSettings(new()
        {
            ["Chronicle:Health:MaxLagPositions"] = "0",
            ["Chronicle:Health:MaxLagAge"] = "00:00:00.200",
        });
        var entity = ChronicleEvents.Entity();
        var gate = new Gate(entity);
        var client = WithProjection(node, gate).CreateClient();
        // Marten records a shard's progress from its first page on: one event of another entity passes the gate.
        var other = ChronicleEvents.Entity();
        var passed = await node.Store.AppendAsync(ChronicleEvents.StateAcceded(other), other);
        await Eventually.HoldsAsync(async () => await node.ScalarAsync<long?>(
            "SELECT last_seq_id FROM {schema}.mt_event_progression WHERE name = 'slow_projection:All'") >= passed.Position, "the slow projection to start");
        await Eventually.HoldsAsync(async () => (await ReadyAsync(client)).Body.GetProperty("status").GetString() == "healthy", "readiness to be healthy");

        await node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
        var (status, body) = (HttpStatusCode.OK, default(JsonElement));
        await Eventually.HoldsAsync(async () => ((status, body) = await ReadyAsync(client)).body.GetProperty("checks").GetProperty("projections")
            .GetProperty("description").GetString()!.Contains("slow_projection:All is 1 positions"), "the slow projection to lag");
        status.ShouldBe(HttpStatusCode.OK);
        body.GetProperty("status").GetString().ShouldBe("degraded");

        gate.Open();
        await Eventually.HoldsAsync(async () => (await ReadyAsync(client)).Body.GetProperty("status").GetString() == "healthy", "readiness to be healthy again");
    }

    [Fact]
    public async Task Liveness_does_not_touch_the_database()
    {
        await using var node = NotificationNode.WithSettings(new() { ["ConnectionStrings:Chronicle"] = "Host=127.0.0.1;Port=1;Username=nobody;Timeout=1" });
        var client = node.WithWebHostBuilder(b => b.ConfigureServices(services =>
            services.Remove(services.Single(d => d.ImplementationType == typeof(CstoChronicle.Api.Platform.ChronicleStartup))))).CreateClient();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (status, body) = await ReadyAsync(client);
        status.ShouldBe(HttpStatusCode.ServiceUnavailable);
        body.GetProperty("checks").GetProperty("postgresql").GetProperty("status").GetString().ShouldBe("unhealthy");
    }

    private static WebApplicationFactory<Program> WithProjection(NotificationNode node, IProjection projection) =>
        node.WithWebHostBuilder(builder => builder.ConfigureServices(services => services.ConfigureMarten(options =>
            options.Projections.Add(projection, ProjectionLifecycle.Async, projection is Gate ? "slow_projection" : "refuses_withdrawals"))));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync(HttpClient client)
    {
        var response = await client.GetAsync("/health/ready");
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }

    /// <summary>Fails on the entity's withdrawal, naming it as Marten's per-event projections do (ApplyEventException).</summary>
    private sealed class RefusesWithdrawalOf(string entity) : IProjection
    {
        public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
        {
            foreach (var e in events)
                if (e.Data is StateWithdrew w && w.State == entity)
                    throw new JasperFx.Events.Daemon.ApplyEventException(e, new InvalidOperationException("this projection cannot take a withdrawal"));
            return Task.CompletedTask;
        }
    }

    /// <summary>Holds the daemon on the entity's events until opened.</summary>
    private sealed class Gate(string entity) : IProjection
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => _open.TrySetResult();

        public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
        {
            if (events.Any(e => e.StreamKey == entity)) await _open.Task.WaitAsync(cancellation);
        }
    }
}
