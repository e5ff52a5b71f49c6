namespace CstoChronicle.Bench.Synthetic;

/// <summary>The span of the chronicle's history the benchmarks draw days from: the treaty's signing to late 2026.</summary>
public static class HistoryDays
{
    private static readonly int First = new DateOnly(1992, 5, 15).DayNumber;
    private static readonly int Last = new DateOnly(2026, 11, 1).DayNumber;

    public static DateOnly Next(Random random) => DateOnly.FromDayNumber(random.Next(First, Last));

    /// <summary><paramref name="count"/> days from a seeded generator, so every run asks the same questions.</summary>
    public static DateOnly[] Seeded(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(_ => Next(random)).ToArray();
    }
}
