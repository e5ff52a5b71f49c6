using System.Net;

namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>
/// How many streams this node holds open, per client address and in total. A stream takes a place before it
/// reads anything and gives it back when its response ends; beyond <see cref="NotificationSettings.MaxStreamsPerAddress"/>
/// a client is answered 429, beyond <see cref="NotificationSettings.MaxStreams"/> every client 503.
/// </summary>
public sealed class StreamAdmission(Microsoft.Extensions.Options.IOptions<NotificationSettings> settings)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, int> _perAddress = [];
    private int _total;

    public int Open
    {
        get { lock (_lock) return _total; }
    }

    public StreamAdmissionResult TryAdmit(IPAddress? address)
    {
        var key = address?.ToString() ?? "";
        var limits = settings.Value;
        lock (_lock)
        {
            var fromAddress = _perAddress.GetValueOrDefault(key);
            if (fromAddress >= limits.MaxStreamsPerAddress) return new(null, StreamRefusal.AddressFull);
            if (_total >= limits.MaxStreams) return new(null, StreamRefusal.NodeFull);
            _perAddress[key] = fromAddress + 1;
            _total++;
        }
        return new(new Place(this, key), null);
    }

    private void Release(string key)
    {
        lock (_lock)
        {
            _total--;
            if (--_perAddress[key] == 0) _perAddress.Remove(key);
        }
    }

    /// <summary>A held place: disposing it (once) gives it back.</summary>
    private sealed class Place(StreamAdmission owner, string key) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) owner.Release(key);
        }
    }
}

public enum StreamRefusal
{
    AddressFull,
    NodeFull,
}

public sealed record StreamAdmissionResult(IDisposable? Place, StreamRefusal? Refusal);
