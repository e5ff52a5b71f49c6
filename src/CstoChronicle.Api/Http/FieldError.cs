namespace CstoChronicle.Api.Http;

/// <summary>One reason a request was refused: the field (a query parameter, a header or a JSON path such as <c>$.sources[0].sourceId</c>) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);
