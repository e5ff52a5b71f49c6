namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>Fails every batch while <see cref="Failing"/> is set, then applies normally, counting what it applied.</summary>
public sealed class FlakyProjection(string name, IReadOnlyCollection<string> eventTypes) : IProjection
{
    private int _applied;

    public volatile bool Failing = true;
    public string Name => name;
    public IReadOnlyCollection<string>? EventTypes => eventTypes;
    public int Applied => Volatile.Read(ref _applied);

    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        if (Failing) throw new InvalidOperationException($"{name} is failing on purpose");
        Interlocked.Add(ref _applied, events.Count);
        return Task.CompletedTask;
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
