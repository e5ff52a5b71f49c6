namespace CstoChronicle.Domain.Import;

/// <summary>
/// Finds the dataset folder: the configured one if given, otherwise the first <c>data/</c> holding a
/// <c>sources.json</c> found walking up from the application's base directory, then from the working directory.
/// </summary>
public static class DatasetLocator
{
    public static string Find(string? configured = null) =>
        TryFind(configured) ?? throw new DirectoryNotFoundException(configured is not null
            ? $"The configured dataset folder '{configured}' has no {DatasetReader.SourcesFile}."
            : $"No data/{DatasetReader.SourcesFile} found above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; configure the dataset folder.");

    public static string? TryFind(string? configured = null)
    {
        if (!string.IsNullOrWhiteSpace(configured))
            return IsDataset(configured) ? Path.GetFullPath(configured) : null;
        return SearchUpward(AppContext.BaseDirectory) ?? SearchUpward(Directory.GetCurrentDirectory());
    }

    private static string? SearchUpward(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "data");
            if (IsDataset(candidate)) return candidate;
        }
        return null;
    }

    private static bool IsDataset(string folder) => File.Exists(Path.Combine(folder, DatasetReader.SourcesFile));
}
