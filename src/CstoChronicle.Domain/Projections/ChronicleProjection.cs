using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Store;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Npgsql;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Writes every chronicle table from the log, as SQL queued on Marten's unit of work: inline, in the append's own
/// transaction, so a query right after an append sees it; in a rebuild, by Marten's daemon from position zero. Both
/// paths run this same code and give the same tables. A failure throws: inline the append fails and writes nothing,
/// in the daemon the projection stops (the store is configured not to skip).
/// </summary>
public sealed class ChronicleProjection(NpgsqlDataSource dataSource, string schema) : IProjection
{
    public const string ProjectionName = "chronicle";

    private readonly string _schema = SchemaName.Validate(schema);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var typesInBatch = new Dictionary<Guid, string>();
        var pending = new PendingRows();
        // Rich appends that roll back leave Marten's tombstones in the log to fill their holes: nothing of the chronicle.
        foreach (var e in events.Where(e => !StoredEvents.IsTombstone(e)))
        {
            typesInBatch[e.Id] = e.EventTypeName;
            await ApplyAsync(operations, pending, ProjectedEvent.From(e), e.Data, typesInBatch, ct);
        }
        pending.Flush(operations, _schema);
    }

    /// <summary>Facts and sources only add rows, so they wait in <paramref name="pending"/>; a correction or retraction updates earlier rows, so those are flushed first.</summary>
    private async Task ApplyAsync(IDocumentOperations operations, PendingRows pending, ProjectedEvent recorded, object data,
        Dictionary<Guid, string> typesInBatch, CancellationToken ct)
    {
        var log = new LogEntry(recorded);
        switch (data)
        {
            case HistoricalEvent fact:
                pending.Add(log.Describe(fact).Row());
                pending.AddRange(CitationRows(recorded.EventId, fact.Sources));
                pending.AddRange(ClaimRows.Of(ClaimVersion.Of(recorded.EventId, recorded.Position, fact), fact, recorded.RecordedAt));
                break;
            case EventCorrected correction:
                pending.Flush(operations, _schema);
                var targetType = typesInBatch.GetValueOrDefault(correction.Target) ?? await StoredTypeAsync(correction.Target, ct);
                var replacement = targetType is null ? null : StoredEvents.ReadFact(targetType, correction.Replacement);
                pending.Add(log.Correcting(correction.Target, correction.Reason, replacement).Row());
                pending.AddRange(CitationRows(recorded.EventId, [.. correction.Sources, .. replacement?.Sources ?? []]));
                if (replacement is null) break;
                CorrectionTargets.Supersede(operations, _schema, correction.Target, recorded);
                var version = ClaimVersion.Of(correction.Target, recorded.EventId, recorded.Position, replacement);
                pending.AddRange(ClaimRows.Of(version, replacement, recorded.RecordedAt));
                break;
            case EventRetracted retraction:
                pending.Flush(operations, _schema);
                CorrectionTargets.Retract(operations, _schema, retraction.Target, recorded);
                log.Retracting(retraction.Target, retraction.Reason, targetTitle: null).Queue(operations, _schema);
                CorrectionTargets.TitleRetraction(operations, _schema, recorded.EventId, retraction.Target);
                pending.AddRange(CitationRows(recorded.EventId, retraction.Sources));
                break;
            case SourceRegistered registered:
                pending.Add(log.Row());
                pending.Add(SourceRow(registered.Source, recorded));
                break;
            default:
                pending.Add(log.Row());
                break;
        }
    }

    /// <summary>
    /// The type of a corrected fact, read from Marten's committed events: inline, the target was committed by an
    /// earlier append; in the daemon every event up to the high-water mark is committed.
    /// </summary>
    private async Task<string?> StoredTypeAsync(Guid eventId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand($"SELECT type FROM {_schema}.mt_events WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = eventId });
        return await command.ExecuteScalarAsync(ct) as string;
    }

    private static IEnumerable<Row> CitationRows(Guid eventId, IReadOnlyList<Citation> citations) =>
        citations.Distinct().Select((citation, i) => new Row("chr_citations")
            .Uuid("event_id", eventId).Bigint("ordinal", i).Text("source_id", citation.SourceId)
            .Text("locator", citation.Locator).Text("quote", citation.Quote));

    private static Row SourceRow(Source source, ProjectedEvent recorded) =>
        new Row("chr_sources")
            .Text("source_id", source.Id).Text("title", source.Title).Text("publisher", source.Publisher).Text("url", source.Url)
            .Text("seed_file", source.SeedFile).Text("published", source.Published).Text("language", source.Language)
            .Uuid("event_id", recorded.EventId).Bigint("position", recorded.Position).Instant("recorded_at", recorded.RecordedAt);
}
