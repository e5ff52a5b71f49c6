using CstoChronicle.Domain.Store;

namespace CstoChronicle.Api.Tests.Notifications;

/// <summary>Events shaped like the chronicle's, appended straight to the store.</summary>
public static class ChronicleEvents
{
    public static NewEvent StateAcceded(string state, string on = "2006-08~") =>
        new(Guid.NewGuid(), "StateAcceded", $$"""{"state":"{{state}}","on":"{{on}}","sources":[{"sourceId":"test-source"}]}""",
            new EventMetadata(RecordedBy: "tests"));

    public static NewEvent StateWithdrew(string state, string on = "2012-06-28") =>
        new(Guid.NewGuid(), "StateWithdrew", $$"""{"state":"{{state}}","on":"{{on}}","sources":[{"sourceId":"test-source"}]}""",
            new EventMetadata(RecordedBy: "tests"));

    /// <summary>A made-up entity id, so that tests sharing a schema do not see each other's events through filters.</summary>
    public static string Entity() => "T" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    public static async Task<RecordedEvent> AppendAsync(this PostgresEventStore store, NewEvent e, string entity) =>
        (await store.AppendAsync(entity, ExpectedVersion.Any, [e])).Events[0];
}
