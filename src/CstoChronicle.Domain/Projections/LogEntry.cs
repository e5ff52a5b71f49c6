using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using Marten;

namespace CstoChronicle.Domain.Projections;

/// <summary>The chr_log row of one recorded event: who, when, why, and for facts their date and title (its data stays in mt_events).</summary>
internal sealed class LogEntry(ProjectedEvent recorded)
{
    private string? _on;
    private string? _title;
    private string? _reason = recorded.Reason;
    private Guid? _target;

    public LogEntry Describe(HistoricalEvent fact)
    {
        _on = fact.On.Text;
        _title = TimelineEntry.TitleOf(fact);
        return this;
    }

    public LogEntry Correcting(Guid target, string reason, HistoricalEvent? replacement)
    {
        _target = target;
        _reason ??= reason;
        _on = replacement?.On.Text;
        _title = replacement is null ? "Correction" : "Correction: " + TimelineEntry.TitleOf(replacement);
        return this;
    }

    public LogEntry Retracting(Guid target, string reason, string? targetTitle)
    {
        _target = target;
        _reason ??= reason;
        _title = targetTitle is null ? "Retraction" : "Retraction: " + targetTitle;
        return this;
    }

    public Row Row() =>
        new Row("chr_log")
            .Uuid("event_id", recorded.EventId).Bigint("position", recorded.Position).Text("stream_id", recorded.StreamId)
            .Bigint("version", recorded.Version).Text("type", recorded.Type).Instant("recorded_at", recorded.RecordedAt)
            .Text("recorded_by", recorded.RecordedBy).Text("reason", _reason)
            .Text("on_text", _on).Text("title", _title).Uuid("target", _target);

    public void Queue(IDocumentOperations operations, string schema) => Row().Queue(operations, schema);
}
