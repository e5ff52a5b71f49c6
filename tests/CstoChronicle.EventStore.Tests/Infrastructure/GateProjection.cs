namespace CstoChronicle.EventStore.Tests.Infrastructure;

/// <summary>
/// Holds the append transaction of any stream starting with "slow-" open, after its positions are
/// assigned, until the test releases it: a writer that took a lower position and has not committed.
/// </summary>
public sealed class GateProjection : IProjection
{
    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "gate";
    public IReadOnlyCollection<string>? EventTypes => null;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        if (!events.Any(e => e.StreamId.StartsWith("slow-", StringComparison.Ordinal))) return;
        Entered.TrySetResult();
        await Release.Task.WaitAsync(ct);
    }

    public Task ResetAsync(ProjectionContext context, CancellationToken ct) => Task.CompletedTask;
}
