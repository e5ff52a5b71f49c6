using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Tests.Infrastructure;

namespace CstoChronicle.Domain.Tests.Import;

public class DatasetImportTests(WriteSideFixture db) : IClassFixture<WriteSideFixture>
{
    private static readonly Dataset Dataset = DatasetReader.Read(WriteSideFixture.DatasetFolder);

    [Fact]
    public async Task The_whole_dataset_passes_validation_and_is_imported()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);

        var report = await new Importer(chronicle.Writer, chronicle.Log).ImportAsync(WriteSideFixture.DatasetFolder);

        report.Rejected.ShouldBeEmpty();
        report.Sources.ShouldBe(Dataset.Sources.Count);
        report.Events.ShouldBe(Dataset.Facts.Count);
        report.Skipped.ShouldBe(0);
        (await chronicle.HeadAsync()).ShouldBe(Dataset.Sources.Count + Dataset.Facts.Count);
    }

    [Fact]
    public async Task Importing_again_writes_nothing_new()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);
        var importer = new Importer(chronicle.Writer, chronicle.Log);
        await importer.ImportAsync(WriteSideFixture.DatasetFolder);
        var head = await chronicle.HeadAsync();

        var again = await importer.ImportAsync(WriteSideFixture.DatasetFolder);

        again.ShouldBe(again with { Sources = 0, Events = 0, Skipped = Dataset.Sources.Count + Dataset.Facts.Count });
        again.Rejected.ShouldBeEmpty();
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task First_start_imports_into_an_empty_store_under_ids_derived_from_the_slugs()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);

        var report = await new Importer(chronicle.Writer, chronicle.Log).ImportIfEmptyAsync(WriteSideFixture.DatasetFolder);

        report.Ran.ShouldBeTrue();
        var suspension = await chronicle.Log.ReadEventAsync(DeterministicId.ForDatasetEvent("uzb-membership-suspended-2012-12-19"));
        suspension.ShouldNotBeNull();
        suspension.StreamId.ShouldBe("UZB");
        suspension.Type.ShouldBe(nameof(MembershipSuspended));
        suspension.Metadata.RecordedBy.ShouldBe(Importer.RecordedBy);
    }

    [Fact]
    public async Task First_start_leaves_a_store_that_holds_events_alone()
    {
        var chronicle = await db.NewChronicleAsync();
        var head = await chronicle.HeadAsync();

        var report = await new Importer(chronicle.Writer, chronicle.Log).ImportIfEmptyAsync(WriteSideFixture.DatasetFolder);

        report.Ran.ShouldBeFalse();
        (await chronicle.HeadAsync()).ShouldBe(head);
    }

    [Fact]
    public async Task Facts_are_appended_in_timeline_order()
    {
        var chronicle = await db.NewChronicleAsync(registerTestSource: false);
        await new Importer(chronicle.Writer, chronicle.Log).ImportAsync(WriteSideFixture.DatasetFolder);

        var uzbekistan = await chronicle.StreamAsync("UZB");

        uzbekistan.Select(e => e.EventId).ShouldBe(
            new[] { "uzb-signed-treaty-1992", "uzb-did-not-renew-1999", "uzb-rejoined-2006-06-23", "uzb-rejoined-2006-08-16",
             "uzb-quit-2012-06-28-claim", "uzb-membership-suspended-2012-12-19" }.Select(DeterministicId.ForDatasetEvent));
    }
}
