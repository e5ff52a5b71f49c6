using CstoChronicle.Domain.Validation;
using CstoChronicle.Domain.Store;

namespace CstoChronicle.Domain.Writing;

/// <summary>What became of a write: the closed set of answers an editor (and the API) can get.</summary>
public abstract record WriteOutcome
{
    private WriteOutcome() { }

    /// <summary>Stored. <paramref name="AlreadyRecorded"/>: the same event was stored before (an idempotent repeat); nothing new was written.</summary>
    public sealed record Written(Guid EventId, long Position, string StreamId, long Version, DateTimeOffset RecordedAt, bool AlreadyRecorded = false)
        : WriteOutcome
    {
        public static Written From(RecordedEvent recorded, bool alreadyRecorded) =>
            new(recorded.EventId, recorded.Position, recorded.StreamId, recorded.Version, recorded.RecordedAt, alreadyRecorded);
    }

    /// <summary>Refused; nothing was written. Each error names the field at fault.</summary>
    public sealed record Rejected(IReadOnlyList<ValidationError> Errors) : WriteOutcome
    {
        public Rejected(string field, string message) : this([new ValidationError(field, message)]) { }
    }

    /// <summary>The event to correct or retract does not exist.</summary>
    public sealed record TargetNotFound(Guid TargetEventId) : WriteOutcome;

    /// <summary>
    /// A correction or retraction named no expected version, but its fact was corrected since it was recorded
    /// (by <paramref name="AmendedBy"/>): the editor may have worked on an overtaken version. Nothing was written;
    /// writing again with the stream's version <paramref name="Actual"/> as the expected one says it was read.
    /// </summary>
    public sealed record FactAmended(string StreamId, Guid TargetEventId, Guid AmendedBy, long Actual) : WriteOutcome;

    /// <summary>The stream was not at the version the writer expected; nothing was written.</summary>
    public sealed record VersionConflict(string StreamId, ExpectedVersion Expected, long Actual) : WriteOutcome;
}
