using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Sources;
using CstoChronicle.EventStore;
using Npgsql;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Writes every chronicle table from the log. Run inline (in the append's transaction) so a query right after an
/// append sees it, or by the daemon for a rebuild: both paths run this same code and give the same tables.
/// </summary>
public sealed class ChronicleProjection : IProjection
{
    public const string ProjectionName = "chronicle";

    public string Name => ProjectionName;

    /// <summary>All types: the log of the audit and the entity history keeps every event.</summary>
    public IReadOnlyCollection<string>? EventTypes => null;

    public async Task ApplyAsync(ProjectionContext context, IReadOnlyList<RecordedEvent> events, CancellationToken ct)
    {
        var pending = new RowBatch();
        foreach (var recorded in events)
            await ApplyAsync(context, recorded, pending, ct);
        await pending.FlushAsync(context, ct);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        var tables = string.Join(", ", ChronicleMigrations.Tables.Select(t => $"{context.Schema}.{t}"));
        await using var command = new NpgsqlCommand($"TRUNCATE {tables}", context.Connection, context.Transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Facts and sources only add rows, so they wait in <paramref name="pending"/>; a correction or retraction reads and updates earlier rows, so those are flushed first.</summary>
    private static async Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, RowBatch pending, CancellationToken ct)
    {
        var log = new LogEntry(recorded);
        switch (StoredEvents.Read(recorded.Type, recorded.Data))
        {
            case HistoricalEvent fact:
                pending.Add(log.Describe(fact).Row());
                pending.AddRange(CitationRows(recorded.EventId, fact.Sources));
                pending.AddRange(ClaimRows.Of(ClaimVersion.Of(recorded.EventId, recorded.Position, fact), fact, recorded.RecordedAt));
                break;
            case EventCorrected correction:
                await pending.FlushAsync(context, ct);
                await CorrectAsync(context, recorded, correction, log, ct);
                break;
            case EventRetracted retraction:
                await pending.FlushAsync(context, ct);
                var retracted = await CorrectionTargets.RetractAsync(context, retraction.Target, recorded, ct);
                await log.Retracting(retraction.Target, retraction.Reason, retracted).InsertAsync(context, ct);
                await WriteCitationsAsync(context, recorded.EventId, retraction.Sources, ct);
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

    private static async Task CorrectAsync(
        ProjectionContext context, RecordedEvent recorded, EventCorrected correction, LogEntry log, CancellationToken ct)
    {
        var targetType = await CorrectionTargets.TypeOfAsync(context, correction.Target, ct);
        var replacement = targetType is null ? null : StoredEvents.ReadFact(targetType, correction.Replacement);
        await log.Correcting(correction.Target, correction.Reason, replacement).InsertAsync(context, ct);
        await WriteCitationsAsync(context, recorded.EventId, [.. correction.Sources, .. replacement?.Sources ?? []], ct);
        if (replacement is null) return;

        await CorrectionTargets.SupersedeAsync(context, correction.Target, recorded, ct);
        var version = ClaimVersion.Of(correction.Target, recorded.EventId, recorded.Position, replacement);
        foreach (var row in ClaimRows.Of(version, replacement, recorded.RecordedAt))
            await row.InsertAsync(context, ct);
    }

    private static async Task WriteCitationsAsync(ProjectionContext context, Guid eventId, IReadOnlyList<Citation> citations, CancellationToken ct)
    {
        foreach (var row in CitationRows(eventId, citations))
            await row.InsertAsync(context, ct);
    }

    private static IEnumerable<Row> CitationRows(Guid eventId, IReadOnlyList<Citation> citations) =>
        citations.Distinct().Select((citation, i) => new Row("chr_citations")
            .Uuid("event_id", eventId).Bigint("ordinal", i).Text("source_id", citation.SourceId)
            .Text("locator", citation.Locator).Text("quote", citation.Quote));

    private static Row SourceRow(Source source, RecordedEvent recorded) =>
        new Row("chr_sources")
            .Text("source_id", source.Id).Text("title", source.Title).Text("publisher", source.Publisher).Text("url", source.Url)
            .Text("seed_file", source.SeedFile).Text("published", source.Published).Text("language", source.Language)
            .Uuid("event_id", recorded.EventId).Bigint("position", recorded.Position).Instant("recorded_at", recorded.RecordedAt);
}
