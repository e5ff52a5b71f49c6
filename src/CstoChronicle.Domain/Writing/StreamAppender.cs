using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Writing;

/// <summary>
/// Decide-then-append on one stream, aggregate style: read and fold the stream, let the caller decide on it, then
/// append at exactly the version that was read, so no concurrent write can slip between the decision and the append.
/// When the caller named no version, a lost race is decided again on the new stream.
/// </summary>
internal sealed class StreamAppender(EventLog log)
{
    private const int Attempts = 5;

    public async Task<WriteOutcome> AppendAsync(
        string streamId, ExpectedVersion? expected, NewEvent newEvent, Func<StreamHistory, WriteOutcome?> decide, CancellationToken ct)
    {
        var pinned = expected is { IsAny: false } ? expected : null;
        for (var attempt = 1; ; attempt++)
        {
            var history = await StreamHistory.ReadAsync(log, streamId, ct);
            // The very same event is stored already (a keyed retry whose answer was lost, two nodes importing at once):
            // that is a repeat, not a conflict, even though the stream's version moved with it.
            if (history.FindRecorded(newEvent.EventId) is { } stored) return WriteOutcome.Written.From(stored, alreadyRecorded: true);
            if (pinned is { } wanted && !IsAt(wanted, history.Version))
                return new WriteOutcome.VersionConflict(streamId, wanted, history.Version);
            if (decide(history) is { } refusal) return refusal;

            var at = pinned ?? (history.Version == 0 ? ExpectedVersion.NoStream : ExpectedVersion.Exact(history.Version));
            try
            {
                return WriteOutcome.Written.From(await log.AppendAsync(streamId, at, newEvent, ct), alreadyRecorded: false);
            }
            catch (WrongExpectedVersionException) when (pinned is null && attempt < Attempts)
            {
            }
            catch (WrongExpectedVersionException conflict)
            {
                return new WriteOutcome.VersionConflict(streamId, conflict.Expected, conflict.ActualVersion);
            }
            catch (EventIdConflictException)
            {
                // The same keyed write committed concurrently: answer with what is stored, having written nothing.
                if (await log.ReadEventAsync(newEvent.EventId, ct) is { } earlier && earlier.StreamId == streamId)
                    return WriteOutcome.Written.From(earlier, alreadyRecorded: true);
                return new WriteOutcome.Rejected("eventId", $"event id {newEvent.EventId} is already used by another event");
            }
        }
    }

    private static bool IsAt(ExpectedVersion expected, long version) =>
        expected.IsNoStream ? version == 0 : expected.Value == version;
}
