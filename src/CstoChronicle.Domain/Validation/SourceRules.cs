using System.Text.RegularExpressions;
using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Validation;

/// <summary>What a source needs before it enters the register.</summary>
public static partial class SourceRules
{
    public static IReadOnlyList<ValidationError> Check(Source? source)
    {
        var errors = new ErrorList();
        if (source is null)
        {
            errors.Add("", "a source is required");
            return errors.Errors;
        }
        errors.Slug("id", source.Id);
        errors.Required("title", source.Title);
        if (errors.Required("language", source.Language) && !LanguageTag().IsMatch(source.Language))
            errors.Add("language", $"'{source.Language}' is not a language tag such as en, ru or hy");

        if (string.IsNullOrWhiteSpace(source.Url) && string.IsNullOrWhiteSpace(source.SeedFile))
            errors.Add("url", "a source needs a url or a seedFile saying where to read it");
        if (!string.IsNullOrWhiteSpace(source.Url) &&
            !(Uri.TryCreate(source.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"))
            errors.Add("url", $"'{source.Url}' is not an absolute http or https URL");
        if (source.Published is not null && !HistoricalDate.TryParse(source.Published, out _, out var dateError))
            errors.Add("published", dateError!);
        return errors.Errors;
    }

    [GeneratedRegex(@"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*\z", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();
}
