using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Writing;

namespace CstoChronicle.Domain.Tests.Infrastructure;

/// <summary>One test's store and writer, with helpers to set the scene and to look at what was written.</summary>
public sealed class TestChronicle(Chronicle chronicle)
{
    public const string SourceId = "test-source";
    public const string Editor = "editor@test";

    public Chronicle Chronicle { get; } = chronicle;
    public EventLog Log => Chronicle.Log;
    public ChronicleWriter Writer => Chronicle.Writer;

    public static Source TestSource { get; } = new(SourceId, "A source for tests", "Tests", "https://example.org/test", null, "2024-01-01", "en");

    public async Task RegisterTestSourceAsync() =>
        (await Writer.RegisterSourceAsync(TestSource, Editor)).ShouldBeOfType<WriteOutcome.Written>();

    /// <summary>Records facts that must be accepted; returns their event ids.</summary>
    public async Task<Guid[]> GivenAsync(params HistoricalEvent[] facts)
    {
        var ids = new List<Guid>();
        foreach (var fact in facts)
        {
            var outcome = await Writer.RecordAsync(fact, Editor);
            ids.Add(outcome.ShouldBeOfType<WriteOutcome.Written>($"the scene's fact {fact} was not written: {outcome}").EventId);
        }
        return [.. ids];
    }

    public Task<long> HeadAsync() => Log.HeadPositionAsync();

    /// <summary>How many events are stored: positions may have holes, so a count, not the head, says how many were written.</summary>
    public async Task<int> EventCountAsync()
    {
        await using var session = Chronicle.Store.QuerySession();
        return await Marten.QueryableExtensions.CountAsync(session.Events.QueryAllRawEvents().WithoutTombstones());
    }

    public async Task<List<RecordedEvent>> StreamAsync(string streamId) => [.. await Log.ReadStreamAsync(streamId)];
}
