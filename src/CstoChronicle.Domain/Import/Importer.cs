using CstoChronicle.Domain.Writing;
using CstoChronicle.Domain.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CstoChronicle.Domain.Import;

/// <summary>
/// Loads the dataset through the writer, so every fact passes the same validation as an editor's. Event ids derive
/// from the facts' slugs, so running it again writes nothing new.
/// </summary>
public sealed class Importer(ChronicleWriter writer, EventLog log, ILogger<Importer>? logger = null)
{
    public const string RecordedBy = "dataset-import";

    private readonly ILogger _logger = logger ?? NullLogger<Importer>.Instance;

    /// <summary>Imports on first start: only when the store holds no event at all.</summary>
    public async Task<ImportReport> ImportIfEmptyAsync(string folder, CancellationToken ct = default)
    {
        if (await log.HeadPositionAsync(ct) > 0)
        {
            _logger.LogInformation("{Report}", ImportReport.NotRun);
            return ImportReport.NotRun;
        }
        return await ImportAsync(folder, ct);
    }

    /// <summary>Imports whatever of the dataset is not yet stored; throws <see cref="DatasetException"/> when the files cannot be read.</summary>
    public async Task<ImportReport> ImportAsync(string folder, CancellationToken ct = default)
    {
        var dataset = DatasetReader.Read(folder);
        var correlation = $"{RecordedBy}-{Guid.CreateVersion7():N}";
        int sources = 0, events = 0, skipped = 0;
        var rejected = new List<string>();

        foreach (var source in dataset.Sources)
            Count(await writer.RegisterSourceAsync(source, RecordedBy, correlation, ct), $"{DatasetReader.SourcesFile}: {source.Id}", ref sources);

        // In timeline order, so that the log's positions follow history wherever the dataset allows it.
        foreach (var fact in dataset.Facts.OrderBy(f => f.Event.On))
            Count(await writer.RecordAsync(fact.Event, RecordedBy, correlationId: correlation, eventId: fact.EventId, ct: ct),
                $"{fact.File}: {fact.Id}", ref events);

        var report = new ImportReport(sources, events, skipped, rejected);
        if (rejected.Count > 0) _logger.LogError("{Report}:{NewLine}{Rejected}", report, Environment.NewLine, string.Join(Environment.NewLine, rejected));
        else _logger.LogInformation("{Report}", report);
        return report;

        void Count(WriteOutcome outcome, string label, ref int written)
        {
            switch (outcome)
            {
                case WriteOutcome.Written { AlreadyRecorded: true }: skipped++; break;
                case WriteOutcome.Written: written++; break;
                case WriteOutcome.Rejected r: rejected.AddRange(r.Errors.Select(e => $"{label}: {e.Field}: {e.Message}")); break;
                default: rejected.Add($"{label}: {outcome}"); break;
            }
        }
    }
}
