namespace CstoChronicle.Domain.Store;

/// <summary>Who recorded an event and why; stored as jsonb beside the event data.</summary>
public sealed record EventMetadata(
    string? RecordedBy = null,
    string? CorrelationId = null,
    string? CausationId = null,
    string? Reason = null)
{
    public static EventMetadata Empty { get; } = new();
}
