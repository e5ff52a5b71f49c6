using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>Chronicle events appended straight to the log, past the writer's validation.</summary>
public static class ChronicleEvents
{
    private static readonly Citation[] Cited = [new("test-source")];

    public static NewEvent StateAcceded(string state, string on = "2006-08~") =>
        new(Guid.NewGuid(), new Domain.Events.StateAcceded(state, HistoricalDate.Parse(on), Cited), new EventMetadata(RecordedBy: "tests"));

    public static NewEvent StateWithdrew(string state, string on = "2012-06-28") =>
        new(Guid.NewGuid(), new Domain.Events.StateWithdrew(state, HistoricalDate.Parse(on), Cited), new EventMetadata(RecordedBy: "tests"));

    /// <summary>A made-up entity id, so that tests sharing a schema do not see each other's events through filters.</summary>
    public static string Entity() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static Task<RecordedEvent> AppendAsync(this EventLog log, NewEvent e, string entity) =>
        log.AppendAsync(entity, ExpectedVersion.Any, e);
}
