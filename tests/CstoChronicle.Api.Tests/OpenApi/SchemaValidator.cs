using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CstoChronicle.Api.Tests.OpenApi;

/// <summary>
/// Validates JSON against a schema of the served OpenAPI 3.1 document (JSON Schema 2020-12, the subset it uses), strictly: an unknown keyword is an error
/// (so nothing is skipped silently), a property the schema does not list is an error where additionalProperties is
/// false, and the formats the document uses are checked.
/// </summary>
public sealed class SchemaValidator(JsonElement document)
{
    private static readonly HashSet<string> Annotations = ["description", "example", "examples", "readOnly", "writeOnly", "default", "title", "deprecated"];

    public IReadOnlyList<string> Validate(JsonElement value, JsonElement schema, string path = "$")
    {
        var errors = new List<string>();
        Check(value, schema, path, errors);
        return errors;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                target = target.GetProperty(part.Replace("~1", "/").Replace("~0", "~"));
            schema = target;
        }
        return schema;
    }

    private void Check(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        schema = Resolve(schema);
        if (schema.ValueKind != JsonValueKind.Object) throw new InvalidOperationException($"{path}: the schema is not an object");
        foreach (var keyword in schema.EnumerateObject())
        {
            switch (keyword.Name)
            {
                case "type":
                    var types = keyword.Value.ValueKind == JsonValueKind.Array
                        ? keyword.Value.EnumerateArray().Select(t => t.GetString()!).ToList()
                        : [keyword.Value.GetString()!];
                    if (!types.Any(type => IsOfType(value, type, path)))
                        errors.Add($"{path}: {value.ValueKind} {Short(value)}, but the schema says {string.Join(" or ", types)}");
                    break;
                case "format": CheckFormat(value, keyword.Value.GetString()!, path, errors); break;
                case "oneOf":
                    var matching = keyword.Value.EnumerateArray().Count(option => Validate(value, option, path).Count == 0);
                    if (matching != 1) errors.Add($"{path}: {Short(value)} matches {matching} of the oneOf schemas, not one");
                    break;
                case "anyOf":
                    if (!keyword.Value.EnumerateArray().Any(option => Validate(value, option, path).Count == 0))
                        errors.Add($"{path}: {Short(value)} matches none of the anyOf schemas");
                    break;
                case "enum":
                    if (!keyword.Value.EnumerateArray().Any(option => JsonElement.DeepEquals(option, value)))
                        errors.Add($"{path}: {value.GetRawText()} is not one of {keyword.Value.GetRawText()}");
                    break;
                case "pattern":
                    if (value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, keyword.Value.GetString()!, RegexOptions.ECMAScript))
                        errors.Add($"{path}: '{value.GetString()}' does not match {keyword.Value.GetString()}");
                    break;
                case "minimum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() < keyword.Value.GetDecimal()) errors.Add($"{path}: below {keyword.Value}");
                    break;
                case "maximum":
                    if (value.ValueKind == JsonValueKind.Number && value.GetDecimal() > keyword.Value.GetDecimal()) errors.Add($"{path}: above {keyword.Value}");
                    break;
                case "required":
                    if (value.ValueKind == JsonValueKind.Object)
                        foreach (var name in keyword.Value.EnumerateArray().Select(n => n.GetString()!))
                            if (!value.TryGetProperty(name, out _)) errors.Add($"{path}: the required '{name}' is missing");
                    break;
                case "properties": CheckProperties(value, schema, path, errors); break;
                case "additionalProperties": break; // with properties
                case "allOf":
                    foreach (var part in keyword.Value.EnumerateArray()) Check(value, part, path, errors);
                    break;
                case "items":
                    if (value.ValueKind == JsonValueKind.Array)
                    {
                        var index = 0;
                        foreach (var item in value.EnumerateArray()) Check(item, keyword.Value, $"{path}[{index++}]", errors);
                    }
                    break;
                default:
                    if (!Annotations.Contains(keyword.Name)) throw new InvalidOperationException($"{path}: the validator does not know the keyword '{keyword.Name}'");
                    break;
            }
        }
        if (!schema.TryGetProperty("properties", out _) && schema.TryGetProperty("additionalProperties", out _)) CheckProperties(value, schema, path, errors);
    }

    private void CheckProperties(JsonElement value, JsonElement schema, string path, List<string> errors)
    {
        if (value.ValueKind != JsonValueKind.Object) return;
        var properties = schema.TryGetProperty("properties", out var listed) ? listed : default;
        var additional = schema.TryGetProperty("additionalProperties", out var extra) ? extra : default;
        foreach (var property in value.EnumerateObject())
        {
            var at = $"{path}.{property.Name}";
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                Check(property.Value, propertySchema, at, errors);
            else if (additional.ValueKind == JsonValueKind.False)
                errors.Add($"{at}: not in the schema (additionalProperties: false)");
            else if (additional.ValueKind == JsonValueKind.Object)
                Check(property.Value, additional, at, errors);
        }
    }

    private static bool IsOfType(JsonElement value, string type, string path) => type switch
    {
        "string" => value.ValueKind == JsonValueKind.String,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        "null" => value.ValueKind == JsonValueKind.Null,
        _ => throw new InvalidOperationException($"{path}: unknown type '{type}'"),
    };

    private static void CheckFormat(JsonElement value, string format, string path, List<string> errors)
    {
        if (value.ValueKind == JsonValueKind.Number)
        {
            var ok = format switch
            {
                "int32" => value.TryGetInt32(out _),
                "int64" => value.TryGetInt64(out _),
                "double" or "float" => true,
                _ => throw new InvalidOperationException($"{path}: unknown number format '{format}'"),
            };
            if (!ok) errors.Add($"{path}: {value} is not {format}");
            return;
        }
        if (value.ValueKind != JsonValueKind.String) return;
        var text = value.GetString()!;
        var valid = format switch
        {
            "date" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "date-time" => Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "uuid" => Guid.TryParseExact(text, "D", out _),
            "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
            "binary" => true,
            _ => throw new InvalidOperationException($"{path}: unknown string format '{format}'"),
        };
        if (!valid) errors.Add($"{path}: '{text}' is not a {format}");
    }

    private static string Short(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length > 60 ? text[..60] + "..." : text;
    }
}
