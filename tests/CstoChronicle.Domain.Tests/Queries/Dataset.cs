using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>The real dataset of data/, loaded by the chronicle's importer; names its facts' event ids by their slugs.</summary>
public sealed class Dataset(ImportReport report)
{
    public ImportReport Report { get; } = report;

    /// <summary>The event id of the fact with this slug (the "id" in data/events/*.json).</summary>
    public Guid Id(string slug) => DeterministicId.ForDatasetEvent(slug);

    public static async Task<Dataset> LoadAsync(Chronicle chronicle)
    {
        var report = await chronicle.Importer.ImportAsync(DatasetLocator.Find());
        if (report.Rejected.Count > 0)
            throw new InvalidOperationException("The dataset did not load: " + string.Join(Environment.NewLine, report.Rejected));
        return new Dataset(report);
    }
}
