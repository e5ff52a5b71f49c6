using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries.Settled;

/// <summary>
/// Every row of chr_timeline written at or before <see cref="Position"/> (a settled high-water mark), in memory, in the
/// timeline's order, with every ending of a version recorded up to there. A page at any position up to
/// <see cref="Position"/> is then the same page the SQL of <see cref="ChronicleQueries.TimelineAtAsync"/> reads
/// (docs/decisions/0108), without a round trip. Immutable once published, except that a version's ending may be
/// learned: <see cref="Advance"/> records it before the index that knows it is published, so no reader at a position
/// this index answers can see the difference.
/// <para>
/// As in the SQL (decision 0106), rows are kept apart by the class of their span (latest - earliest): a row of class k
/// that reaches a day D began at most <see cref="ClassSpans"/>[k] days before D, so each class is read in order from
/// there and walks about as many rows as it returns. The last class (longer spans, open ends) is read from its start.
/// </para>
/// <para>
/// Each class is two sorted runs: the rows held when it was last compacted, and the rows added since, up to
/// <c>recentLimit</c>. An advance copies only the recent run; it is merged into the held run once past the limit, so
/// a stream of small advances over a large index copies a few rows each, not every row of the class.
/// </para>
/// </summary>
public sealed class TimelineIndex
{
    /// <summary>The longest span, in days, of each class but the last: a day, a month, a year, then doubling.</summary>
    private static readonly int[] ClassSpans = [0, 31, 366, 800, 1600, 3200, 6400, 12800, 25600, 51200];

    /// <summary>The rows added by advances that a class keeps apart before merging them into its held rows.</summary>
    public const int DefaultRecentLimit = 16_384;

    private readonly record struct SpanClass(TimelineRow[] Held, TimelineRow[] Recent)
    {
        public int Count => Held.Length + Recent.Length;
    }

    private readonly SpanClass[] _classes;
    private readonly int _recentLimit;

    private TimelineIndex(long position, SpanClass[] classes, int recentLimit)
    {
        Position = position;
        _classes = classes;
        _recentLimit = recentLimit;
        Count = classes.Sum(c => c.Count);
    }

    /// <summary>Rows at or before this position, and their endings at or before it, are all held.</summary>
    public long Position { get; }

    /// <summary>Versions held (current or ended).</summary>
    public int Count { get; }

    /// <summary>The index of every row written at or before <paramref name="position"/>.</summary>
    public static TimelineIndex Build(long position, IEnumerable<TimelineRow> rows, int recentLimit = DefaultRecentLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recentLimit);
        var classes = Enumerable.Range(0, ClassSpans.Length + 1).Select(_ => new List<TimelineRow>()).ToArray();
        foreach (var row in rows) classes[ClassOf(row)].Add(row);
        return new TimelineIndex(position, [.. classes.Select(c => new SpanClass(Sorted(c), []))], recentLimit);
    }

    /// <summary>
    /// This index moved on to <paramref name="position"/>: <paramref name="rows"/> holds every row written after
    /// <see cref="Position"/> up to it, and the rows held here whose version ended since (read again, with their ending).
    /// </summary>
    public TimelineIndex Advance(long position, IEnumerable<TimelineRow> rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, Position);
        var added = Enumerable.Range(0, _classes.Length).Select(_ => new List<TimelineRow>()).ToArray();
        foreach (var row in rows)
        {
            if (row.Position > Position) added[ClassOf(row)].Add(row);
            else if (row.EndedAt != long.MaxValue) Held(row).EndAt(row.EndedAt);
        }
        var classes = new SpanClass[_classes.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            var held = _classes[i];
            if (added[i].Count == 0)
            {
                classes[i] = held;
                continue;
            }
            var recent = Merge(held.Recent, Sorted(added[i]));
            classes[i] = recent.Length > _recentLimit ? new SpanClass(Merge(held.Held, recent), []) : held with { Recent = recent };
        }
        return new TimelineIndex(position, classes, _recentLimit);
    }

    /// <summary>
    /// The page the timeline query answers at <paramref name="at"/> (at most <see cref="Position"/>) for every filter
    /// but the entity's: rows visible at <paramref name="at"/> that may fall from <paramref name="from"/> to
    /// <paramref name="to"/>, of one of <paramref name="types"/> (all when null), after the cursor, in order. Throws
    /// <see cref="InvalidCursorException"/> for a cursor the timeline did not issue.
    /// </summary>
    public TimelineAnswer Page(
        long at, DateTimeOffset knownAt, DateOnly? from, DateOnly? to, IReadOnlyCollection<string>? types, string? cursor, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(at, Position);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, ChronicleQueries.MaxPageSize);
        var after = cursor is null ? ((DateOnly Earliest, DateOnly Latest, long Position)?)null : Cursors.ReadTimeline(cursor);
        var first = from ?? DateOnly.MinValue;
        var last = to ?? DateOnly.MaxValue;
        var found = new List<TimelineRow>();
        // Each run is in the page's order: at most limit + 1 of its rows can be on the page or tell there is a next one.
        void Scan(TimelineRow[] rows, DateOnly start)
        {
            var taken = 0;
            for (var i = FirstFrom(rows, start); i < rows.Length && taken <= limit; i++)
            {
                var row = rows[i];
                if (row.Earliest > last) break;
                if (row.Latest < first || !row.IsVisibleAt(at) || (after is { } past && !row.IsAfter(past))) continue;
                if (types is not null && !types.Contains(row.Type)) continue;
                found.Add(row);
                taken++;
            }
        }
        for (var c = 0; c < _classes.Length; c++)
        {
            var start = c < ClassSpans.Length ? DaysBefore(first, ClassSpans[c]) : DateOnly.MinValue;
            if (after is { } resume && resume.Earliest > start) start = resume.Earliest;
            Scan(_classes[c].Held, start);
            Scan(_classes[c].Recent, start);
        }
        found.Sort(TimelineRow.Compare);
        var (items, next) = TimelineRow.Page(found, limit, from, to);
        return new TimelineAnswer(new QueryBasis(null, knownAt.ToUniversalTime(), at), items, next);
    }

    private static int ClassOf(TimelineRow row)
    {
        var span = row.Latest.DayNumber - row.Earliest.DayNumber;
        var c = 0;
        while (c < ClassSpans.Length && span > ClassSpans[c]) c++;
        return c;
    }

    private static DateOnly DaysBefore(DateOnly day, int days) =>
        DateOnly.FromDayNumber(Math.Max(DateOnly.MinValue.DayNumber, day.DayNumber - days));

    /// <summary>The first row that begins on or after <paramref name="day"/>.</summary>
    private static int FirstFrom(TimelineRow[] rows, DateOnly day)
    {
        int low = 0, high = rows.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (rows[middle].Earliest < day) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>The held row of the same version as <paramref name="row"/> (same place in the order, same writer).</summary>
    private TimelineRow Held(TimelineRow row)
    {
        var spanClass = _classes[ClassOf(row)];
        foreach (var rows in new[] { spanClass.Held, spanClass.Recent })
            for (var i = FirstFrom(rows, row.Earliest); i < rows.Length && rows[i].Earliest == row.Earliest; i++)
                if (rows[i].WrittenBy == row.WrittenBy) return rows[i];
        throw new InvalidOperationException(
            $"The timeline index at position {Position} does not hold the version written by {row.WrittenBy} at position {row.Position}.");
    }

    private static TimelineRow[] Sorted(List<TimelineRow> rows)
    {
        var sorted = rows.ToArray();
        Array.Sort(sorted, TimelineRow.Compare);
        return sorted;
    }

    private static TimelineRow[] Merge(TimelineRow[] held, TimelineRow[] added)
    {
        var merged = new TimelineRow[held.Length + added.Length];
        int h = 0, a = 0, m = 0;
        while (h < held.Length && a < added.Length)
            merged[m++] = TimelineRow.Compare(added[a], held[h]) < 0 ? added[a++] : held[h++];
        while (h < held.Length) merged[m++] = held[h++];
        while (a < added.Length) merged[m++] = added[a++];
        return merged;
    }
}
