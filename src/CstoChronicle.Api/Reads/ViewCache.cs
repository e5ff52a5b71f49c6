using CstoChronicle.Domain.Queries.Settled;

namespace CstoChronicle.Api.Reads;

/// <summary>
/// The views of one kind kept in memory by position, the least recently used dropped past <c>capacity</c>. A view at a
/// settled position never changes, so a kept one is never stale; a build that failed is not kept.
/// </summary>
public sealed class ViewCache<T>(int capacity)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, (Task<PointInTimeView<T>> View, long Used)> _views = [];
    private long _clock;

    public int Count
    {
        get { lock (_lock) return _views.Count; }
    }

    public Task<PointInTimeView<T>> GetAsync(long position, Func<long, Task<PointInTimeView<T>>> build)
    {
        Task<PointInTimeView<T>> view;
        lock (_lock)
        {
            if (_views.TryGetValue(position, out var kept) && !kept.View.IsFaulted && !kept.View.IsCanceled)
            {
                _views[position] = (kept.View, ++_clock);
                return kept.View;
            }
            view = build(position);
            _views[position] = (view, ++_clock);
            while (_views.Count > capacity)
                _views.Remove(_views.MinBy(v => v.Value.Used).Key);
        }
        return view;
    }
}
