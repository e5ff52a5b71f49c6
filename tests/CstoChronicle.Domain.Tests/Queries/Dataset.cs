using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections;
using CstoChronicle.EventStore;

namespace CstoChronicle.Domain.Tests.Queries;

/// <summary>
/// Appends the real dataset of data/ through the store: every source, then every fact file by file in file order,
/// one append per fact. Event ids are derived from the facts' slugs, so a test can name the events it expects.
/// </summary>
public sealed class Dataset
{
    private readonly Dictionary<string, Guid> _ids = [];

    public static string Root { get; } = FindRoot();

    /// <summary>The event id of the fact with this slug (the "id" in data/events/*.json).</summary>
    public Guid Id(string slug) => _ids.TryGetValue(slug, out var id) ? id : throw new KeyNotFoundException($"No fact '{slug}' in the dataset.");

    public int SourceCount => _ids.Keys.Count(k => k.StartsWith("source:", StringComparison.Ordinal));

    public static Guid IdOf(string slug) => new(MD5.HashData(Encoding.UTF8.GetBytes("csto-chronicle-test:" + slug)));

    public static async Task<Dataset> LoadAsync(IEventStore store)
    {
        var dataset = new Dataset();
        foreach (var source in JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Root, "data", "sources.json")))!.AsArray())
        {
            var id = source!["id"]!.GetValue<string>();
            var data = new JsonObject { ["source"] = source.DeepClone() }.ToJsonString();
            await dataset.AppendAsync(store, "source:" + id, SourceRegistered.StreamPrefix + id, nameof(SourceRegistered), data);
        }

        foreach (var file in Directory.GetFiles(Path.Combine(Root, "data", "events"), "*.json").Order(StringComparer.Ordinal))
        {
            foreach (var fact in JsonNode.Parse(await File.ReadAllTextAsync(file))!.AsArray())
            {
                var type = fact!["type"]!.GetValue<string>();
                var data = fact["data"]!.ToJsonString();
                var stream = ((HistoricalEvent)ProjectedEventTypes.Read(type, data)!).StreamId;
                await dataset.AppendAsync(store, fact["id"]!.GetValue<string>(), stream, type, data);
            }
        }
        return dataset;
    }

    private async Task AppendAsync(IEventStore store, string slug, string stream, string type, string data)
    {
        var id = IdOf(slug);
        _ids.Add(slug, id);
        await store.AppendAsync(stream, ExpectedVersion.Any, [new NewEvent(id, type, data, new EventMetadata(RecordedBy: "dataset-import"))]);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CstoChronicle.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("CstoChronicle.sln not found above the test binaries.");
    }

}
