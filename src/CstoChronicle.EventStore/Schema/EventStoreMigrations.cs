namespace CstoChronicle.EventStore.Schema;

/// <summary>The store's own migrations, module "eventstore". Append new ones; never edit an applied one.</summary>
public static class EventStoreMigrations
{
    public const string Module = "eventstore";

    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "event store tables", string.Join('\n',
            EventStoreTables.Events, EventStoreTables.Streams, EventStoreTables.Position, EventStoreTables.Progression)),
        new(2, "append function", AppendFunction.Create),
    ];
}
