namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>Fails the append of any stream whose id starts with "fail-", after es_append has assigned positions.</summary>
public sealed class ThrowingProjection : IProjection
{
    public string Name => "throwing";
    public IReadOnlyCollection<string>? EventTypes => null;

    public Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct) =>
        events.Any(e => e.StreamId.StartsWith("fail-", StringComparison.Ordinal))
            ? throw new InvalidOperationException("projection failed on purpose")
            : Task.CompletedTask;

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
