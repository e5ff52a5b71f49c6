namespace CstoChronicle.Domain.Store;

/// <summary>What the writer believes the stream's version is before its append.</summary>
public readonly record struct ExpectedVersion
{
    private const long AnyValue = -2;
    private const long NoStreamValue = 0;

    private ExpectedVersion(long value) => Value = value;

    /// <summary>-2 for any, 0 for no stream, otherwise the exact version (1-based).</summary>
    public long Value { get; }

    public static ExpectedVersion Any { get; } = new(AnyValue);
    public static ExpectedVersion NoStream { get; } = new(NoStreamValue);
    public static ExpectedVersion Exact(long version) =>
        version >= 1 ? new(version) : throw new ArgumentOutOfRangeException(nameof(version), "An exact version is 1 or more.");

    public bool IsAny => Value == AnyValue;
    public bool IsNoStream => Value == NoStreamValue;

    public override string ToString() => IsAny ? "any" : IsNoStream ? "no stream" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
