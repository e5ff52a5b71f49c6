using System.Text.RegularExpressions;

namespace CstoChronicle.Domain.Validation;

/// <summary>The shape of every id the chronicle makes up itself: sources, documents, bodies, people, operations.</summary>
public static partial class Slug
{
    public const string Pattern = @"^[a-z0-9][a-z0-9-]{1,80}\z";

    public static bool IsValid(string? value) => value is not null && SlugRegex().IsMatch(value);

    [GeneratedRegex(Pattern, RegexOptions.CultureInvariant)]
    private static partial Regex SlugRegex();
}
