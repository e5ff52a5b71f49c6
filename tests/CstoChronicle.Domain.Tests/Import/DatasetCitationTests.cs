using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Tests.Infrastructure;

namespace CstoChronicle.Domain.Tests.Import;

/// <summary>The dataset's promise (docs/data.md): every citation names a registered source, every seed quote is the seed's exact words.</summary>
public class DatasetCitationTests
{
    private static readonly Dataset Dataset = DatasetReader.Read(WriteSideFixture.DatasetFolder);
    private static readonly string SeedsFolder = Path.Combine(WriteSideFixture.DatasetFolder, "seeds");

    [Fact]
    public void Every_citation_names_a_source_of_the_register()
    {
        var registered = Dataset.Sources.Select(s => s.Id).ToHashSet();

        var unknown = Dataset.Facts
            .SelectMany(f => f.Event.Sources.Where(c => !registered.Contains(c.SourceId)).Select(c => $"{f.File}: {f.Id}: {c.SourceId}"))
            .ToList();

        unknown.ShouldBeEmpty();
    }

    [Fact]
    public void Every_quote_from_a_seed_is_a_verbatim_passage_of_its_file()
    {
        var seeds = Dataset.Sources.Where(s => s.SeedFile is not null)
            .ToDictionary(s => s.Id, s => File.ReadAllText(Path.Combine(SeedsFolder, s.SeedFile!)));
        Dataset.Facts.SelectMany(f => f.Event.Sources).Count(c => seeds.ContainsKey(c.SourceId) && c.Quote is not null).ShouldBeGreaterThan(0);

        var misquoted = Dataset.Facts
            .SelectMany(f => f.Event.Sources
                .Where(c => seeds.ContainsKey(c.SourceId) && c.Quote is not null && !seeds[c.SourceId].Contains(c.Quote, StringComparison.Ordinal))
                .Select(c => $"{f.File}: {f.Id}: {c.SourceId}: \"{c.Quote}\""))
            .ToList();

        misquoted.ShouldBeEmpty();
    }
}
