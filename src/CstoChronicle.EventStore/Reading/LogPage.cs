namespace CstoChronicle.EventStore.Reading;

/// <summary>
/// One page of the log: the matching events, and the position up to which the log was scanned
/// (the head at the query's snapshot when the page is not full), so a filtered reader can move past
/// stretches with no matching event.
/// </summary>
internal sealed record LogPage(IReadOnlyList<RecordedEvent> Events, long ScannedUpTo, bool IsFull);
