using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

/// <summary>A source enters the register. Stream: <c>source-{id}</c>.</summary>
public sealed record SourceRegistered(Source Source)
{
    public const string StreamPrefix = "source-";
    public string StreamId => StreamPrefix + Source.Id;
}
