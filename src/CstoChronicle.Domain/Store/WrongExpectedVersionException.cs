namespace CstoChronicle.Domain.Store;

/// <summary>The stream was not at the version the writer expected; nothing was written.</summary>
public sealed class WrongExpectedVersionException(string streamId, ExpectedVersion expected, long actual)
    : Exception($"Stream '{streamId}' is at version {actual}, not {expected}.")
{
    public string StreamId { get; } = streamId;
    public ExpectedVersion Expected { get; } = expected;
    /// <summary>The stream's current version; 0 when it does not exist.</summary>
    public long ActualVersion { get; } = actual;
}
