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
        foreach (var recorded in events)
            await ApplyAsync(context, recorded, ct);
    }

    public async Task ResetAsync(ProjectionContext context, CancellationToken ct)
    {
        var tables = string.Join(", ", ChronicleMigrations.Tables.Select(t => $"{context.Schema}.{t}"));
        await using var command = new NpgsqlCommand($"TRUNCATE {tables}", context.Connection, context.Transaction);
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task ApplyAsync(ProjectionContext context, RecordedEvent recorded, CancellationToken ct)
    {
        var log = new LogEntry(recorded);
        switch (StoredEvents.Read(recorded.Type, recorded.Data))
        {
            case HistoricalEvent fact:
                await log.Describe(fact).InsertAsync(context, ct);
                await WriteCitationsAsync(context, recorded.EventId, fact.Sources, ct);
                foreach (var row in ClaimRows.Of(ClaimVersion.Of(recorded.EventId, recorded.Position, fact), fact, recorded.RecordedAt))
                    await row.InsertAsync(context, ct);
                break;
            case EventCorrected correction:
                await CorrectAsync(context, recorded, correction, log, ct);
                break;
            case EventRetracted retraction:
                var retracted = await CorrectionTargets.RetractAsync(context, retraction.Target, recorded, ct);
                await log.Retracting(retraction.Target, retraction.Reason, retracted).InsertAsync(context, ct);
                await WriteCitationsAsync(context, recorded.EventId, retraction.Sources, ct);
                break;
            case SourceRegistered registered:
                await log.InsertAsync(context, ct);
                await SourceRow(registered.Source, recorded).InsertAsync(context, ct);
                break;
            default:
                await log.InsertAsync(context, ct);
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
        var distinct = citations.Distinct().ToList();
        for (var i = 0; i < distinct.Count; i++)
            await new Row("chr_citations")
                .Uuid("event_id", eventId).Bigint("ordinal", i).Text("source_id", distinct[i].SourceId)
                .Text("locator", distinct[i].Locator).Text("quote", distinct[i].Quote)
                .InsertAsync(context, ct);
    }

    private static Row SourceRow(Source source, RecordedEvent recorded) =>
        new Row("chr_sources")
            .Text("source_id", source.Id).Text("title", source.Title).Text("publisher", source.Publisher).Text("url", source.Url)
            .Text("seed_file", source.SeedFile).Text("published", source.Published).Text("language", source.Language)
            .Uuid("event_id", recorded.EventId).Bigint("position", recorded.Position).Instant("recorded_at", recorded.RecordedAt);
}
