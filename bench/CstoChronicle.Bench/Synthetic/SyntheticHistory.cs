using System.Globalization;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Bench.Synthetic;

/// <summary>
/// A large, made-up history for load: sessions, decisions, exercises and reported figures of synthetic bodies,
/// spread over 1992–2026, one date in ten only a month or a year. Seeded, so every run appends the same events.
/// Real-looking volume for the timeline; membership, offices and chairmanship keep their real (small) size,
/// as they would in any real chronicle.
/// </summary>
public static class SyntheticHistory
{
    public const string StreamPrefix = "synthetic-body-";
    private static readonly IReadOnlyList<Citation> Cited = [new("seed-000", Quote: "synthetic benchmark event")];

    /// <summary>Appends <paramref name="total"/> events in batches of <paramref name="batchSize"/>, one stream per batch pair.</summary>
    public static async Task AppendAsync(IEventStore store, int total, int batchSize, Action<long>? progress = null)
    {
        var random = new Random(20261129);
        var streamSize = batchSize * 2;
        long appended = 0;
        for (var streamIndex = 0; appended < total; streamIndex++)
        {
            var body = $"{StreamPrefix}{streamIndex:D5}";
            for (var b = 0; b < 2 && appended < total; b++)
            {
                var count = (int)Math.Min(batchSize, total - appended);
                var batch = new NewEvent[count];
                for (var i = 0; i < count; i++) batch[i] = Next(random, body, streamIndex * streamSize + b * batchSize + i);
                await store.AppendAsync(body, ExpectedVersion.Any, batch);
                appended += count;
                progress?.Invoke(appended);
            }
        }
    }

    private static NewEvent Next(Random random, string body, long n)
    {
        var on = RandomDate(random);
        HistoricalEvent e = (n % 4) switch
        {
            0 => new SessionHeld(body, on, Cited, Place: "Synthetic City", Title: $"Session {n}"),
            1 => new DecisionAdopted(body, $"Decision {n}", on, Cited),
            2 => new ExerciseHeld(body, $"Exercise {n}", on, Cited, Place: "Synthetic Range"),
            _ => new FigureReported(body, "personnel", new Quantity(">", random.Next(100, 50_000), "personnel"), on, Cited),
        };
        var (type, json) = EventTypeRegistry.Serialize(e);
        return new NewEvent(Guid.NewGuid(), type, json, new EventMetadata(RecordedBy: "bench-synthetic"));
    }

    private static HistoricalDate RandomDate(Random random)
    {
        var day = HistoryDays.Next(random);
        var text = random.Next(10) switch
        {
            0 => day.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            1 when random.Next(2) == 0 => day.ToString("yyyy", CultureInfo.InvariantCulture),
            _ => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        return HistoricalDate.Parse(text);
    }
}
