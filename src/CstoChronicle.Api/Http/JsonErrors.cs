using System.Text.Json;
using System.Text.RegularExpressions;

namespace CstoChronicle.Api.Http;

/// <summary>Turns System.Text.Json's exceptions into a field (JSON path) and a message without .NET type names.</summary>
public static partial class JsonErrors
{
    public static FieldError Describe(JsonException exception)
    {
        var field = string.IsNullOrEmpty(exception.Path) ? "$" : exception.Path;
        var message = exception.InnerException is FormatException or ArgumentException
            ? exception.InnerException.Message
            : Clean(exception.Message);

        var missing = MissingRequired().Match(exception.Message);
        if (missing.Success)
        {
            var names = missing.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(n => n.Trim('\''));
            field = string.Join(", ", names.Select(n => field == "$" ? "$." + n : field + "." + n));
            message = "is required";
        }
        return new FieldError(field, message);
    }

    private static string Clean(string message)
    {
        var withoutPosition = PathSuffix().Replace(message, "").Trim();
        var conversion = ConvertedTo().Match(withoutPosition);
        if (conversion.Success)
            return $"has the wrong type: expected {Describe(conversion.Groups["type"].Value)}";
        if (NullNotAllowed().IsMatch(withoutPosition)) return "must not be null";
        if (UnmappedMember().Match(withoutPosition) is { Success: true } unmapped)
            return $"the field '{unmapped.Groups["name"].Value}' is not part of this request";
        return TypeNames().Replace(withoutPosition, "value").TrimEnd('.');
    }

    private static string Describe(string dotnetType) => dotnetType switch
    {
        _ when dotnetType.StartsWith("System.String", StringComparison.Ordinal) => "a string",
        _ when dotnetType.StartsWith("System.Int", StringComparison.Ordinal) || dotnetType.StartsWith("System.Nullable`1[[System.Int", StringComparison.Ordinal) => "an integer",
        _ when dotnetType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when dotnetType.Contains("Guid", StringComparison.Ordinal) => "a UUID string",
        _ when dotnetType.Contains("DateTimeOffset", StringComparison.Ordinal) => "an RFC 3339 instant",
        _ when dotnetType.Contains("HistoricalDate", StringComparison.Ordinal) => "an EDTF date string",
        _ when dotnetType.Contains("List`1", StringComparison.Ordinal) || dotnetType.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ when dotnetType.Contains("Rank", StringComparison.Ordinal) => "one of preferred, normal, deprecated",
        _ => "an object",
    };

    [GeneratedRegex(@"\s*Path: .*$", RegexOptions.Singleline)]
    private static partial Regex PathSuffix();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"missing required properties,? including:? (?<names>.+?)\.?$")]
    private static partial Regex MissingRequired();

    [GeneratedRegex("doesn't allow (getting|setting) null values|cannot be null|null value")]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"\b(System|CstoChronicle|Microsoft)\.[\w.`\[\], ]+")]
    private static partial Regex TypeNames();
}
