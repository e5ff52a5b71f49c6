namespace CstoChronicle.EventStore;

public sealed record StreamState(string StreamId, long Version, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);
