using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Api.Endpoints.Events;

public sealed record EventResponse(DateTimeOffset KnownAt, long Position, EventDetail Event);

/// <summary><see cref="Version"/> is the entity's stream version as known at knownAt: send it as If-Match to write on that basis.</summary>
public sealed record EntityHistoryResponse(string Entity, DateTimeOffset KnownAt, long Position, long Version, IReadOnlyList<EventDetail> Events);

public sealed record AuditResponse(DateTimeOffset? From, DateTimeOffset? To, long Position, IReadOnlyList<EventDetail> Entries, string? NextCursor);
