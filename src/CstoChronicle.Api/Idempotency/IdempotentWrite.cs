using CstoChronicle.Domain.Serialization;

namespace CstoChronicle.Api.Idempotency;

/// <summary>Endpoint metadata: this write honours the Idempotency-Key header.</summary>
public sealed class IdempotentWrite
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    private static readonly Guid EventIdNamespace = new("a7f3c2d1-5b8e-4f06-9c1a-2e4d6b8f0a13");
    private const string EventIdItem = "chronicle.idempotent-event-id";

    /// <summary>
    /// The event id of a keyed request: the same key, key owner and request always give the same id, so a retry that
    /// runs again after its first run's answer was lost (the process died after the append) is a replay in the
    /// store, not a second fact.
    /// </summary>
    public static void AssignEventId(HttpContext context, string principal, string key, string requestHash) =>
        context.Items[EventIdItem] = DeterministicId.Create(EventIdNamespace, $"{principal}\n{key}\n{requestHash}");

    public static Guid? EventIdOf(HttpContext context) => context.Items.TryGetValue(EventIdItem, out var id) ? (Guid?)id : null;
}

public static class IdempotentWriteExtensions
{
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new IdempotentWrite());
}
