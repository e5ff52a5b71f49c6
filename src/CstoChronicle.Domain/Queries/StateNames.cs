namespace CstoChronicle.Domain.Queries;

/// <summary>The English short names of the states that were ever parties to the Treaty, by ISO 3166-1 alpha-3 code.</summary>
public static class StateNames
{
    private static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        ["ARM"] = "Armenia",
        ["AZE"] = "Azerbaijan",
        ["BLR"] = "Belarus",
        ["GEO"] = "Georgia",
        ["KAZ"] = "Kazakhstan",
        ["KGZ"] = "Kyrgyzstan",
        ["RUS"] = "Russia",
        ["TJK"] = "Tajikistan",
        ["UZB"] = "Uzbekistan",
    };

    public static IReadOnlyCollection<string> Codes => Names.Keys.ToList();

    /// <summary>The state's name, or the code itself for a code outside the nine.</summary>
    public static string Of(string code) => Names.TryGetValue(code, out var name) ? name : code;
}
