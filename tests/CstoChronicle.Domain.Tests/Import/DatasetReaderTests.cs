using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Import;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Tests.Infrastructure;

namespace CstoChronicle.Domain.Tests.Import;

public sealed class DatasetReaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("chronicle-dataset-").FullName;

    [Fact]
    public void Reads_every_source_and_fact_of_the_repository_dataset_as_records()
    {
        var dataset = DatasetReader.Read(WriteSideFixture.DatasetFolder);

        dataset.Sources.Count.ShouldBe(351);
        dataset.Facts.Count.ShouldBe(485);
        var suspension = dataset.Facts.Single(f => f.Id == "uzb-membership-suspended-2012-12-19");
        suspension.File.ShouldBe("events/membership.json");
        var fact = suspension.Event.ShouldBeOfType<MembershipSuspended>();
        fact.State.ShouldBe("UZB");
        fact.Rank.ShouldBe(ClaimRank.Preferred);
        fact.Sources[0].SourceId.ShouldBe("tass-2012-12-19");
    }

    [Fact]
    public void Every_dataset_fact_survives_a_trip_through_the_store_format()
    {
        foreach (var fact in DatasetReader.Read(WriteSideFixture.DatasetFolder).Facts)
        {
            var (type, json) = EventTypeRegistry.Serialize(fact.Event);
            type.ShouldBe(fact.Type);
            EventTypeRegistry.Serialize(EventTypeRegistry.Deserialize(type, json)).Json.ShouldBe(json, fact.Id);
        }
    }

    [Fact]
    public void Names_the_file_the_fact_and_the_field_of_every_problem()
    {
        Write("sources.json", """[{"id":"a-source","title":"T","publisher":null,"url":null,"seedFile":null,"published":"2016-13","language":"en"}]""");
        Write("events/a.json", """
            [
              {"id":"bad-date","type":"StateAcceded","data":{"state":"ARM","on":"1992-5-15","sources":[{"sourceId":"a-source"}]}},
              {"id":"no-such-type","type":"StateJoined","data":{"state":"ARM","on":"1992","sources":[{"sourceId":"a-source"}]}},
              {"id":"twice","type":"StateAcceded","data":{"state":"ARM","on":"1992","sources":[{"sourceId":"a-source"}]}}
            ]
            """);
        Write("events/b.json", """[{"id":"twice","type":"StateAcceded","data":{"state":"KAZ","on":"1992","sources":[{"sourceId":"a-source"}]}}, {"id":"no-data","type":"StateAcceded"}]""");

        var problems = Should.Throw<DatasetException>(() => DatasetReader.Read(_folder)).Problems;

        problems.ShouldContain(p => p.StartsWith("sources.json: a-source: url:"));
        problems.ShouldContain(p => p.StartsWith("sources.json: a-source: published:") && p.Contains("month 13"));
        problems.ShouldContain(p => p.StartsWith("events/a.json: bad-date: on:") && p.Contains("write 1992-05-15"));
        problems.ShouldContain(p => p.StartsWith("events/a.json: no-such-type: type:"));
        problems.ShouldContain(p => p.StartsWith("events/a.json, events/b.json: twice:"));
        problems.ShouldContain(p => p.StartsWith("events/b.json: no-data: data:"));
    }

    [Fact]
    public void Finds_the_repository_dataset_and_a_configured_one()
    {
        Write("sources.json", "[]");

        DatasetLocator.Find().ShouldEndWith("data");
        File.Exists(Path.Combine(DatasetLocator.Find(), "sources.json")).ShouldBeTrue();
        DatasetLocator.Find(_folder).ShouldBe(Path.GetFullPath(_folder));
        DatasetLocator.TryFind(Path.Combine(_folder, "missing")).ShouldBeNull();
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_folder, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
