using System.Net;
using CstoChronicle.Api.Notifications;
using CstoChronicle.Api.Notifications.Webhooks;
using CstoChronicle.Api.Notifications.Webhooks.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// Workers racing for the same deliveries, driven by hand: the node fans out but sends nothing itself
/// (DeliverFromThisNode=false), and the test runs several workers in tight claim loops against one receiver.
/// Thousands of idle subscriptions, each with a delivery due only tomorrow, make every claim statement scan
/// for a while between taking its snapshot and locking its row: the window in which another worker's commit
/// is missed, as under load in production.
/// </summary>
public sealed class WebhookRaceTests : IAsyncLifetime
{
    private readonly NotificationNode _node = NotificationNode.WithSettings(new() { ["Chronicle:Webhooks:DeliverFromThisNode"] = "false" });

    public async Task InitializeAsync()
    {
        await _node.InitializeAsync();
        await _node.ScalarAsync<object>("""
            WITH idle AS (
                INSERT INTO {schema}.es_delivery_subscriptions
                       (id, target, stream_ids, secret, state, after_position, created_at, updated_at, owner)
                SELECT gen_random_uuid(), 'http://127.0.0.1:9/idle', ARRAY['nobody'], 'whsec_AAAA', 'active', 0, now(), now(), 'ballast'
                  FROM generate_series(1, 3000)
                RETURNING id)
            INSERT INTO {schema}.es_deliveries (subscription_id, position, event_id, event_type, stream_id, state, next_attempt_at, created_at)
            SELECT id, 0, gen_random_uuid(), 'StateAcceded', 'nobody', 'pending', now() + interval '1 day', now() FROM idle
            """);
    }

    public Task DisposeAsync() => _node.DisposeAsync().AsTask();

    [Fact]
    public async Task A_receiver_answering_410_gets_one_request_however_many_workers_race_for_it()
    {
        for (var round = 0; round < 6; round++)
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            receiver.Answer = (_, _) => Task.FromResult(Results.StatusCode(StatusCodes.Status410Gone));
            var entity = ChronicleEvents.Entity();
            var subscription = await _node.SubscribeAsync(receiver, entity);
            var appended = await _node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
            await Eventually.HoldsAsync(async () => await _node.FanOutPositionAsync() >= appended.Position, "the fan-out to queue the delivery");

            await RaceAsync(workers: 8, until: () => receiver.Received.Count > 0, linger: TimeSpan.FromMilliseconds(300));

            receiver.Received.Count.ShouldBe(1, $"round {round}");
            (await _node.GetJsonAsync($"/api/v1/subscriptions/{subscription.Id}")).GetProperty("state").GetString().ShouldBe("disabled");
        }
    }

    [Fact]
    public async Task Racing_workers_deliver_every_event_once_and_in_order()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var entity = ChronicleEvents.Entity();
        await _node.SubscribeAsync(receiver, entity);
        var positions = new List<long>();
        for (var i = 0; i < 20; i++) positions.Add((await _node.Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity)).Position);
        await Eventually.HoldsAsync(async () => await _node.FanOutPositionAsync() >= positions[^1], "the fan-out to queue the deliveries");

        await RaceAsync(workers: 8, until: () => receiver.Received.Count >= positions.Count, linger: TimeSpan.FromMilliseconds(300));

        receiver.Received.Select(r => r.Sequence).ShouldBe(positions);
    }

    private async Task RaceAsync(int workers, Func<bool> until, TimeSpan linger)
    {
        var settings = _node.Services.GetRequiredService<IOptions<WebhookSettings>>().Value;
        var transport = _node.Services.GetRequiredService<HttpWebhookTransport>();
        var dataSource = _node.Services.GetRequiredService<NpgsqlDataSource>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var racing = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var worker = new DeliveryWorker(dataSource, _node.Schema, new DeliveryWakeup(), DeliveryFactory.Options(settings), transport);
            while (!stop.IsCancellationRequested)
            {
                try { await worker.TrySendNextAsync(stop.Token); }
                catch (OperationCanceledException) { return; }
            }
        })).ToList();
        await Eventually.HoldsAsync(until, "the receiver to be reached");
        await Task.Delay(linger);
        await stop.CancelAsync();
        await Task.WhenAll(racing);
    }
}

/// <summary>The transport on its own, with a system proxy configured for the whole process.</summary>
public sealed class WebhookTransportProxyTests
{
    [Fact]
    public async Task Deliveries_never_go_through_a_system_proxy()
    {
        await using var target = await WebhookReceiver.StartAsync();
        await using var proxy = await WebhookReceiver.StartAsync();
        target.Secret = WebhookSecret.Generate();
        var previous = HttpClient.DefaultProxy;
        HttpClient.DefaultProxy = new EverythingThrough(new Uri($"http://127.0.0.1:{proxy.Port}/"));
        try
        {
            using var transport = new HttpWebhookTransport(
                Options.Create(new WebhookSettings { AllowPrivateTargets = true, AllowedPorts = "*" }), TimeProvider.System);
            var result = await transport.SendAsync(
                new DeliveryRequest(1, Guid.NewGuid(), target.Url, target.Secret, Guid.NewGuid(), 1, """{"specversion":"1.0"}""", 1), CancellationToken.None);

            result.Outcome.ShouldBe(DeliveryOutcome.Delivered, result.Error);
            target.Received.ShouldHaveSingleItem().SignatureValid.ShouldBeTrue();
            proxy.Received.ShouldBeEmpty();
        }
        finally
        {
            HttpClient.DefaultProxy = previous;
        }
    }

    private sealed class EverythingThrough(Uri proxy) : IWebProxy
    {
        public ICredentials? Credentials { get; set; }
        public Uri GetProxy(Uri destination) => proxy;
        public bool IsBypassed(Uri host) => false;
    }
}
