namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>An event ready for the stream: its position, what filters look at, and its CloudEvent text.</summary>
public sealed record StreamedEvent(long Position, string Type, string StreamId, string CloudEvent);
