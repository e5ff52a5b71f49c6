using System.Net;
using CstoChronicle.Api.Notifications;
using CstoChronicle.Api.Notifications.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>
/// Two API processes on one schema deliver at once, each with several deliveries in flight, to a receiver that answers 410.
/// The issue this guards: the queue before Wolverine sent one delivery twice 43 ms apart when two workers claimed it around
/// a 410. Now each delivery is one Wolverine message, handled by one node at a time, and a delivery checks its subscription
/// just before it sends; the fan-out opens deliveries only for active subscriptions: after the 410 is recorded, nothing more goes out.
/// </summary>
public sealed class WebhookRaceTests : IAsyncLifetime
{
    private readonly NotificationNode _a = NotificationNode.WithSettings(new() { ["Chronicle:Webhooks:Concurrency"] = "8" });
    private NotificationNode _b = null!;

    public async Task InitializeAsync()
    {
        await _a.InitializeAsync();
        _b = NotificationNode.JoiningSchemaOf(_a, new() { ["Chronicle:Webhooks:Concurrency"] = "8" });
        await _b.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task A_receiver_answering_410_gets_one_request_and_nothing_for_later_events_whichever_node_appends()
    {
        for (var round = 0; round < 4; round++)
        {
            await using var receiver = await WebhookReceiver.StartAsync();
            receiver.Answer = (_, _) => Task.FromResult(Results.StatusCode(StatusCodes.Status410Gone));
            var entity = ChronicleEvents.Entity();
            var subscription = await _a.SubscribeAsync(receiver, entity);
            var first = await (round % 2 == 0 ? _a : _b).Store.AppendAsync(ChronicleEvents.StateAcceded(entity), entity);
            await Eventually.HoldsAsync(async () => (await _a.GetJsonAsync($"/api/v1/subscriptions/{subscription.Id}")).GetProperty("state").GetString() == "disabled",
                $"round {round}: the subscription to be disabled");

            await using var witness = await WebhookReceiver.StartAsync();
            await _b.SubscribeAsync(witness, entity);
            var later = new List<long>();
            for (var i = 0; i < 6; i++) later.Add((await (i % 2 == 0 ? _a : _b).Store.AppendAsync(ChronicleEvents.StateWithdrew(entity), entity)).Position);
            await Eventually.HoldsAsync(() => later.All(p => witness.Received.Any(r => r.Sequence == p)), $"round {round}: the later events' fan-out (seen by another subscription)");

            receiver.Received.ShouldHaveSingleItem($"round {round}").Sequence.ShouldBe(first.Position);
            (await _a.DeliveryStatesAsync(first.Position)).ShouldBe(["discarded"]);
        }
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
