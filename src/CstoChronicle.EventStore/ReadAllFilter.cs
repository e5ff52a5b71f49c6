namespace CstoChronicle.EventStore;

/// <summary>Which events a read of the whole log returns. Null members mean "no filter".</summary>
public sealed record ReadAllFilter(IReadOnlyCollection<string>? EventTypes = null, string? StreamIdPrefix = null)
{
    public static ReadAllFilter None { get; } = new();
}
