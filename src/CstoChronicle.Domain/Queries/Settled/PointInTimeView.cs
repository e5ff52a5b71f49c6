using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Settled;

/// <summary>
/// One point-in-time view (membership, the office, the chair) at one settled position, as a function of asOf. The folds
/// read a day only through <see cref="HistoricalDate.IsOnOrBefore"/> of their transitions' dates, so the answer is
/// constant between the change points (every transition's earliest and latest day): a few hundred in
/// all. The answer of each stretch is folded once, on the first day asked within it, and kept. Immutable in what it
/// answers: rows at or below a high-water mark never change.
/// </summary>
public sealed class PointInTimeView<T>
{
    private readonly DateOnly[] _changes;
    private readonly Func<DateOnly, T> _fold;
    private readonly Stretch?[] _stretches;

    private PointInTimeView(long position, DateOnly[] changes, Func<DateOnly, T> fold)
    {
        Position = position;
        _changes = changes;
        _fold = fold;
        _stretches = new Stretch?[changes.Length + 1];
    }

    public long Position { get; }

    /// <summary>Days on which the answer may change.</summary>
    public int ChangePoints => _changes.Length;

    public static PointInTimeView<T> Build(long position, IEnumerable<HistoricalDate> transitionDates, Func<DateOnly, T> fold)
    {
        var changes = new SortedSet<DateOnly>();
        foreach (var date in transitionDates)
        {
            // Not yet from the day before Earliest, possibly from Earliest, certainly from Latest (HistoricalDate.IsOnOrBefore).
            changes.Add(date.Earliest);
            changes.Add(date.Latest);
        }
        return new PointInTimeView<T>(position, [.. changes], fold);
    }

    /// <summary>The answer on <paramref name="day"/>, and the stretch of days it belongs to (equal stretches, equal answers).</summary>
    public (T Answer, int Stretch) On(DateOnly day)
    {
        var index = Array.BinarySearch(_changes, day);
        var stretch = index >= 0 ? index + 1 : ~index;
        var kept = Volatile.Read(ref _stretches[stretch]);
        if (kept is null)
        {
            // Two first requests of a stretch may both fold it: they compute the same answer.
            kept = new Stretch(_fold(day));
            Volatile.Write(ref _stretches[stretch], kept);
        }
        return (kept.Answer, stretch);
    }

    /// <summary>The fold itself on <paramref name="day"/>, without the stretches: what <see cref="On"/> must always equal.</summary>
    public T Fold(DateOnly day) => _fold(day);

    private sealed record Stretch(T Answer);
}
