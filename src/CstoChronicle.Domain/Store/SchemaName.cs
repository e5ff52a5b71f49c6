using System.Text.RegularExpressions;

namespace CstoChronicle.Domain.Store;

/// <summary>Schema names go into SQL text, so they are checked against a strict pattern first.</summary>
public static partial class SchemaName
{
    [GeneratedRegex(@"^[a-z_][a-z0-9_]{0,62}\z")]
    private static partial Regex Pattern();

    public static bool IsValid(string? schema) => schema is not null && Pattern().IsMatch(schema);

    public static string Validate(string? schema) =>
        IsValid(schema)
            ? schema!
            : throw new ArgumentException($"'{schema}' is not a valid schema name (expected ^[a-z_][a-z0-9_]{{0,62}}$).", nameof(schema));
}
