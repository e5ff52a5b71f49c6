using System.Collections.Concurrent;
using CstoChronicle.Api.Notifications.Webhooks.Queue;

namespace CstoChronicle.EventStore.Tests.Delivery;

/// <summary>
/// A transport that answers as the test scripts it, records every request, and notes whether two
/// deliveries of one subscription were ever in flight at once.
/// </summary>
public sealed class RecordingTransport(Func<DeliveryRequest, Task<DeliveryResult>>? answer = null) : IDeliveryTransport
{
    private readonly ConcurrentDictionary<Guid, int> _inFlight = new();
    private readonly ConcurrentQueue<DeliveryRequest> _requests = new();
    private readonly Func<DeliveryRequest, Task<DeliveryResult>> _answer = answer ?? (_ => Task.FromResult(DeliveryResult.Delivered(200)));
    private volatile bool _overlapSeen;

    public bool OverlapSeen => _overlapSeen;

    public IReadOnlyList<DeliveryRequest> Requests => _requests.ToList();

    public IReadOnlyList<DeliveryRequest> RequestsFor(Guid subscriptionId) => Requests.Where(r => r.SubscriptionId == subscriptionId).ToList();

    public async Task<DeliveryResult> SendAsync(DeliveryRequest request, CancellationToken ct)
    {
        if (_inFlight.AddOrUpdate(request.SubscriptionId, 1, (_, n) => n + 1) > 1) _overlapSeen = true;
        try
        {
            _requests.Enqueue(request);
            return await _answer(request);
        }
        finally
        {
            _inFlight.AddOrUpdate(request.SubscriptionId, 0, (_, n) => n - 1);
        }
    }
}
