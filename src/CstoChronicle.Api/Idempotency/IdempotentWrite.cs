namespace CstoChronicle.Api.Idempotency;

/// <summary>Endpoint metadata: this write honours the Idempotency-Key header.</summary>
public sealed class IdempotentWrite
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
}

public static class IdempotentWriteExtensions
{
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentWrite());
}
