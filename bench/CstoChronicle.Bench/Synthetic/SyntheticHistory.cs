using System.Globalization;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using Marten;

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

    /// <summary>
    /// Appends <paramref name="total"/> events through Marten as an importer would: sessions of <paramref name="sessionSize"/>
    /// events per SaveChanges, in streams of <paramref name="streamSize"/> events (a new stream each, started in the session).
    /// The store's inline projection runs in each session's transaction.
    /// </summary>
    public static async Task AppendAsync(IDocumentStore store, int total, int sessionSize, int streamSize, Action<long>? progress = null,
        Func<Func<Task>, Task>? timed = null)
    {
        var random = new Random(20261129);
        long appended = 0;
        var streamIndex = 0;
        while (appended < total)
        {
            await using var session = store.LightweightSession();
            session.LastModifiedBy = "bench-synthetic";
            var inSession = (int)Math.Min(sessionSize, total - appended);
            for (var done = 0; done < inSession; streamIndex++)
            {
                var body = $"{StreamPrefix}{streamIndex:D6}";
                var count = Math.Min(streamSize, inSession - done);
                var events = new object[count];
                for (var i = 0; i < count; i++) events[i] = Next(random, body, appended + done + i);
                var stream = session.Events.StartStream(body, events);
                // The ids ChronicleWriter gives (time-ordered); left to Marten they would be random.
                foreach (var e in stream.Events) e.Id = Guid.CreateVersion7();
                done += count;
            }
            if (timed is null) await session.SaveChangesAsync();
            else await timed(() => session.SaveChangesAsync());
            appended += inSession;
            progress?.Invoke(appended);
        }
    }

    private static HistoricalEvent Next(Random random, string body, long n)
    {
        var on = RandomDate(random);
        HistoricalEvent e = (n % 4) switch
        {
            0 => new SessionHeld(body, on, Cited, Place: "Synthetic City", Title: $"Session {n}"),
            1 => new DecisionAdopted(body, $"Decision {n}", on, Cited),
            2 => new ExerciseHeld(body, $"Exercise {n}", on, Cited, Place: "Synthetic Range"),
            _ => new FigureReported(body, "personnel", new Quantity(">", random.Next(100, 50_000), "personnel"), on, Cited),
        };
        return e;
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
