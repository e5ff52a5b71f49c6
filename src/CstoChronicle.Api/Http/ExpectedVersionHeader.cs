using System.Globalization;

namespace CstoChronicle.Api.Http;

/// <summary>If-Match on writes: the stream version the client read, as a strong ETag ("3") or a bare number.</summary>
public static class ExpectedVersionHeader
{
    public static long? Parse(string? ifMatch)
    {
        if (string.IsNullOrEmpty(ifMatch)) return null;
        var text = ifMatch.Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
            throw Invalid(ifMatch, "a weak ETag cannot name a version; send the strong one, e.g. \"3\"");
        if (text.Length >= 2 && text[0] == '"' && text[^1] == '"') text = text[1..^1];
        if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 0)
            throw Invalid(ifMatch, "expected the stream version as \"N\" (N = 0 for a stream that must not exist yet)");
        return version;
    }

    public static string Format(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    private static ProblemException Invalid(string value, string message) =>
        new(Problems.InvalidParameter("If-Match", $"'{Printable(value)}': {message}"));

    private static string Printable(string value) => value.Length > 40 ? value[..40] + "..." : value;
}
