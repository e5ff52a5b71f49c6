namespace CstoChronicle.Domain.Validation;

/// <summary>Collects validation errors under a field prefix (e.g. <c>replacement.</c>) with small, named checks.</summary>
internal sealed class ErrorList(string prefix = "")
{
    private readonly List<ValidationError> _errors = [];

    public IReadOnlyList<ValidationError> Errors => _errors;

    public void Add(string field, string message) => _errors.Add(new ValidationError(prefix + field, message));

    public void AddRange(IEnumerable<ValidationError> errors) =>
        _errors.AddRange(errors.Select(e => e with { Field = prefix + e.Field }));

    public bool Required(string field, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) return true;
        Add(field, "is required");
        return false;
    }

    public void Slug(string field, string? value)
    {
        if (!Required(field, value)) return;
        if (!Validation.Slug.IsValid(value))
            Add(field, $"'{value}' is not a slug: use lower-case letters, digits and hyphens, 2 to 81 characters ({Validation.Slug.Pattern})");
    }

    public void State(string field, string? code, KnownStates states)
    {
        if (!Required(field, code)) return;
        if (!states.IsKnown(code))
            Add(field, $"'{code}' is not a known state code: use an ISO 3166-1 alpha-3 code, one of {string.Join(", ", states.Codes)}");
    }

    public void States(string field, IReadOnlyList<string>? codes, KnownStates states)
    {
        if (codes is null) return;
        for (var i = 0; i < codes.Count; i++) State($"{field}[{i}]", codes[i], states);
    }
}
