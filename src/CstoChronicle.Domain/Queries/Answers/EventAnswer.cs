using System.Text.Json;
using CstoChronicle.Domain.Dates;

namespace CstoChronicle.Domain.Queries.Answers;

/// <summary>A citation with its source resolved (null title when the source is not registered).</summary>
public sealed record ResolvedCitation(
    string SourceId, string? Title, string? Publisher, string? Url, string? SeedFile, string? Locator, string? Quote);

/// <summary>
/// One recorded event: what (type, data, title), when in history (<see cref="On"/>, null for corrections of an unknown
/// target, retractions and registrations), when recorded and by whom, why (<see cref="Reason"/>), citing what, and its
/// fate: the correction that first superseded it or the retraction that withdrew it (as known at the query's knownAt).
/// <see cref="Target"/> is the event a correction or retraction is about.
/// </summary>
public sealed record EventDetail(
    Guid EventId, string Type, string Entity, long Version, long Position, HistoricalDate? On, string? Title,
    JsonElement Data, IReadOnlyList<ResolvedCitation> Sources, DateTimeOffset RecordedAt, string? RecordedBy, string? Reason,
    Guid? Target, Guid? SupersededBy, Guid? RetractedBy);

public sealed record EventAnswer(QueryBasis Basis, EventDetail Event);

/// <summary>Every event of one entity in recorded order, corrections and retractions included.</summary>
public sealed record EntityHistoryAnswer(QueryBasis Basis, string Entity, IReadOnlyList<EventDetail> Events);

/// <summary>Events in recorded order; <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record AuditAnswer(QueryBasis Basis, IReadOnlyList<EventDetail> Entries, string? NextCursor);
