using System.Text.Json;
using CstoChronicle.Domain.Serialization;
using CstoChronicle.Domain.Sources;
using CstoChronicle.Domain.Validation;

namespace CstoChronicle.Domain.Import;

/// <summary>
/// Reads <c>sources.json</c> and <c>events/*.json</c> of a dataset folder into typed records. It reports every problem
/// it finds at once (file, fact id, field, message) instead of stopping at the first.
/// </summary>
public static class DatasetReader
{
    public const string SourcesFile = "sources.json";
    public const string EventsFolder = "events";

    public static Dataset Read(string folder)
    {
        var problems = new List<string>();
        var sources = ReadSources(folder, problems);
        var facts = new List<DatasetFact>();
        var eventsFolder = Path.Combine(folder, EventsFolder);
        if (!Directory.Exists(eventsFolder)) problems.Add($"{EventsFolder}/: the folder is missing");
        else
            foreach (var file in Directory.EnumerateFiles(eventsFolder, "*.json").Order(StringComparer.Ordinal))
                facts.AddRange(ReadFacts(file, $"{EventsFolder}/{Path.GetFileName(file)}", problems));

        foreach (var duplicate in facts.GroupBy(f => f.Id).Where(g => g.Count() > 1))
            problems.Add($"{string.Join(", ", duplicate.Select(f => f.File).Distinct())}: {duplicate.Key}: the id is used {duplicate.Count()} times; ids are unique across all files");
        foreach (var duplicate in sources.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            problems.Add($"{SourcesFile}: {duplicate.Key}: the source id is used {duplicate.Count()} times");

        if (problems.Count > 0) throw new DatasetException(problems);
        return new Dataset(sources, facts);
    }

    private static List<Source> ReadSources(string folder, List<string> problems)
    {
        var sources = new List<Source>();
        foreach (var (element, index) in ReadArray(Path.Combine(folder, SourcesFile), SourcesFile, problems))
        {
            var label = element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : $"#{index}";
            try
            {
                var source = element.Deserialize<Source>(ChronicleJson.StrictOptions)!;
                var errors = SourceRules.Check(source);
                if (errors.Count == 0) sources.Add(source);
                problems.AddRange(errors.Select(e => $"{SourcesFile}: {label}: {e.Field}: {e.Message}"));
            }
            catch (JsonException e)
            {
                problems.Add($"{SourcesFile}: {label}: {e.Path}: {e.Message}");
            }
        }
        return sources;
    }

    private static List<DatasetFact> ReadFacts(string path, string file, List<string> problems)
    {
        var facts = new List<DatasetFact>();
        foreach (var (element, index) in ReadArray(path, file, problems))
        {
            var id = Text(element, "id");
            var type = Text(element, "type");
            var label = id ?? $"#{index}";
            if (!Slug.IsValid(id)) problems.Add($"{file}: {label}: id: a fact needs an id that is a slug ({Slug.Pattern})");
            if (!element.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"{file}: {label}: data: is required: the fact's fields as an object");
                continue;
            }
            var payload = EventPayloadReader.Read(type, data.GetRawText());
            problems.AddRange(payload.Errors.Select(e => $"{file}: {label}: {e.Field}: {e.Message}"));
            if (payload.IsValid && id is not null) facts.Add(new DatasetFact(file, id, type!, payload.Value!));
        }
        return facts;
    }

    private static IEnumerable<(JsonElement Element, int Index)> ReadArray(string path, string file, List<string> problems)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            problems.Add($"{file}: {e.Message}");
            return [];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{file}: the file must hold a JSON array");
                return [];
            }
            return document.RootElement.EnumerateArray().Select((e, i) => (e.Clone(), i)).ToList();
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
