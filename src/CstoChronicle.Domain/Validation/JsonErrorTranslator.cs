using System.Text.Json;
using System.Text.RegularExpressions;

namespace CstoChronicle.Domain.Validation;

/// <summary>Turns System.Text.Json's exceptions into a field and a message a user of the API can act on.</summary>
internal static partial class JsonErrorTranslator
{
    public static ValidationError Translate(JsonException error, Type target)
    {
        var field = FieldOf(error.Path);
        var message = WithoutPosition(error.Message);

        if (MissingProperty().Match(message) is { Success: true } missing)
            return new ValidationError(Join(field, missing.Groups[1].Value), "is required");
        if (UnmappedProperty().Match(message) is { Success: true } unmapped)
            return new ValidationError(field, $"is not a field of a {Short(unmapped.Groups[2].Value)}");
        if (message.Contains("doesn't allow null values", StringComparison.Ordinal) ||
            message.Contains("cannot be null", StringComparison.Ordinal))
            return new ValidationError(field, "must not be null");
        if (NotConvertible().Match(message) is { Success: true } convert)
            return new ValidationError(field, ExpectedShape(convert.Groups[1].Value, error.InnerException));
        return new ValidationError(field, error.Path is null ? $"is not valid JSON for a {target.Name}: {message}" : message);
    }

    private static string ExpectedShape(string typeName, Exception? inner)
    {
        var type = Type.GetType(typeName) ?? typeof(JsonErrorTranslator).Assembly.GetType(typeName);
        if (type is { IsEnum: true })
            return $"must be one of {string.Join(", ", Enum.GetNames(type).Select(JsonNamingPolicy.CamelCase.ConvertName))}";
        return inner is null ? $"does not fit a {Short(typeName)}" : $"does not fit a {Short(typeName)}: {inner.Message}";
    }

    /// <summary>"$.sources[0].sourceId" becomes "sources[0].sourceId"; the root is the empty field.</summary>
    private static string FieldOf(string? path) =>
        path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string Join(string parent, string child) => parent.Length == 0 ? child : $"{parent}.{child}";

    private static string Short(string typeName) => typeName[(typeName.LastIndexOf('.') + 1)..].TrimEnd('?');

    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return at < 0 ? message : message[..at];
    }

    [GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial Regex MissingProperty();

    [GeneratedRegex("The JSON property '([^']+)' could not be mapped to any .NET member contained in type '([^']+)'")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("The JSON value could not be converted to ([A-Za-z0-9_.`\\[\\], ]+?)\\.?$")]
    private static partial Regex NotConvertible();
}
