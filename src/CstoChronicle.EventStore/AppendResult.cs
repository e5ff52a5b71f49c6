namespace CstoChronicle.EventStore;

/// <summary>
/// The outcome of an append. <see cref="Events"/> holds the stored events in order (for an idempotent
/// replay, the ones stored by the original append); <see cref="WasReplay"/> tells the two apart.
/// </summary>
public sealed record AppendResult(string StreamId, long StreamVersion, IReadOnlyList<RecordedEvent> Events, bool WasReplay)
{
    public long FirstPosition => Events[0].Position;
    public long LastPosition => Events[^1].Position;
}
