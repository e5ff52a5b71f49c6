namespace CstoChronicle.Domain.Validation;

/// <summary>
/// The ISO 3166-1 alpha-3 codes a fact may name. The default set is every state that has been party to the
/// Collective Security Treaty; <see cref="With"/> extends it (a new member, an observer).
/// </summary>
public sealed class KnownStates
{
    private readonly HashSet<string> _codes;

    private KnownStates(IEnumerable<string> codes) => _codes = new HashSet<string>(codes, StringComparer.Ordinal);

    public static KnownStates Default { get; } = new(["ARM", "AZE", "BLR", "GEO", "KAZ", "KGZ", "RUS", "TJK", "UZB"]);

    public IReadOnlyCollection<string> Codes => _codes.Order(StringComparer.Ordinal).ToArray();

    public bool IsKnown(string? code) => code is not null && _codes.Contains(code);

    public KnownStates With(params string[] codes)
    {
        foreach (var code in codes)
            if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
                throw new ArgumentException($"'{code}' is not an ISO 3166-1 alpha-3 code (three capital letters).", nameof(codes));
        return new KnownStates(_codes.Concat(codes));
    }
}
