namespace CstoChronicle.Api.Tests.Platform;

public static class Repository
{
    /// <summary>The folder holding CstoChronicle.sln, above the test's binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, "CstoChronicle.sln"))) return folder.FullName;
        throw new InvalidOperationException("CstoChronicle.sln not found above " + AppContext.BaseDirectory);
    }
}
