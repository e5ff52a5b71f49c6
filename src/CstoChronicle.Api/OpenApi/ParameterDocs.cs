namespace CstoChronicle.Api.OpenApi;

/// <summary>One description (and example) per parameter name, so every endpoint explains asOf, knownAt, cursor ... alike.</summary>
public static class ParameterDocs
{
    public sealed record Doc(string Description, string? Example = null);

    public static readonly IReadOnlyDictionary<string, Doc> ByName = new Dictionary<string, Doc>(StringComparer.OrdinalIgnoreCase)
    {
        ["asOf"] = new("Historical day the answer is for, as an EDTF day YYYY-MM-DD. Default: today (UTC).", "2006-12-31"),
        ["knownAt"] = new("Recorded instant (RFC 3339): answer as the service knew it then, before later corrections. Default: now. Answers for a past knownAt never change and are cacheable as immutable.", "2025-01-01T00:00:00Z"),
        ["from"] = new("First historical day of the range, EDTF YYYY, YYYY-MM or YYYY-MM-DD (inclusive).", "2012"),
        ["to"] = new("Last historical day of the range, EDTF YYYY, YYYY-MM or YYYY-MM-DD (inclusive).", "2013"),
        ["type"] = new("Only events of this type (e.g. StateAcceded).", "StateAcceded"),
        ["entity"] = new("Only events of this entity: a state's ISO 3166-1 alpha-3 code or an entity slug.", "UZB"),
        ["cursor"] = new("Opaque cursor from the previous page's Link rel=\"next\" header."),
        ["limit"] = new("Page size, 1 to 500. Default: 100.", "50"),
        ["view"] = new("Which histories to answer, comma-separated: membership, secretary-general, chairmanship, bodies, documents. Default: all.", "membership,secretary-general,chairmanship"),
        ["id"] = new("The id of the event (UUID), source or entity.", null),
        ["Idempotency-Key"] = new("Any unique string (1 to 255 visible ASCII characters). Sending the same key with the same request again returns the stored answer (with Idempotent-Replayed: true); with a different request, 422.", "9f1c2d3e-record-uzb-2006"),
        ["If-Match"] = new("The stream version the write expects, as a strong ETag (\"3\") or a bare number; 412 if the stream moved on.", "\"3\""),
        ["name"] = new("The API key's name.", "alice"),
        ["deliveryId"] = new("The id of a dead letter from GET .../dead-letters."),
        ["If-None-Match"] = new("An ETag from an earlier answer: 304 when the answer is unchanged."),
    };
}
