using System.Text.Json;
using CstoChronicle.Domain.Sources;

namespace CstoChronicle.Domain.Events;

// Corrections never change a stored event: they are events of their own, appended to the target's stream.

/// <summary><paramref name="Replacement"/> is the full corrected data of the target, of the target's type.</summary>
public sealed record EventCorrected(
    Guid Target, string Reason, IReadOnlyList<Citation> Sources, JsonElement Replacement);

public sealed record EventRetracted(
    Guid Target, string Reason, IReadOnlyList<Citation> Sources);
