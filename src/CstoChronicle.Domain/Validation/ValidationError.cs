namespace CstoChronicle.Domain.Validation;

/// <summary>Why a write was refused: the field at fault (a JSON path in camelCase, e.g. <c>sources[0].sourceId</c>) and what is wrong.</summary>
public sealed record ValidationError(string Field, string Message);
