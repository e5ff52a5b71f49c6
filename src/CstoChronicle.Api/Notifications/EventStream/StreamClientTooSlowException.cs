namespace CstoChronicle.Api.Notifications.EventStream;

/// <summary>Ends the stream of a client whose queue of live events overflowed.</summary>
public sealed class StreamClientTooSlowException() : Exception("The stream client read too slowly and was cut off; it may resume with Last-Event-ID.");
