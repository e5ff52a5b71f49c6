using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Queries;
using CstoChronicle.Domain.Writing;
using static CstoChronicle.Domain.Tests.Queries.PointInTime.Facts;

namespace CstoChronicle.Domain.Tests.Projections;

/// <summary>
/// The real dataset, then (hypothetically) Belarus's 1993 accession corrected to 31 December 1993 and Kazakhstan's 2018
/// chairmanship (taken over on 30 November 2017) retracted, both citing csto-history: "Later, it was joined by Azerbaijan, Belarus and Georgia (1993)."
/// </summary>
public sealed class CorrectedDatasetFixture : DatasetFixture
{
    public static readonly IReadOnlyList<Citation> Cited = [new Citation("csto-history", Quote: "Later, it was joined by Azerbaijan, Belarus and Georgia (1993).")];

    public WriteOutcome.Written Correction { get; private set; } = null!;
    public WriteOutcome.Written Retraction { get; private set; } = null!;

    /// <summary>Instants known through the high-water mark: before the correction, after it (before the retraction), after the retraction.</summary>
    public DateTimeOffset BeforeCorrection { get; private set; }
    public DateTimeOffset AfterCorrection { get; private set; }
    public DateTimeOffset AfterRetraction { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        BeforeCorrection = await KnownNowAsync();
        var replacement = new StateAcceded("BLR", On("1993-12-31"), Cited, "Accession to the Collective Security Treaty");
        Correction = (await Chronicle.Writer.CorrectAsync(Data.Id("blr-joined-treaty-1993"), "test: the day of the accession", Cited, replacement, "editor@test"))
            .ShouldBeOfType<WriteOutcome.Written>();
        AfterCorrection = await KnownNowAsync();
        Retraction = (await Chronicle.Writer.RetractAsync(Data.Id("chair-kaz-2017-11-30"), "test: withdrawn", Cited, "editor@test"))
            .ShouldBeOfType<WriteOutcome.Written>();
        AfterRetraction = await KnownNowAsync();
    }
}
