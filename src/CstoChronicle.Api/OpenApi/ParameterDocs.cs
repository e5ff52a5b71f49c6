using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace CstoChronicle.Api.OpenApi;

/// <summary>
/// What each parameter means, with its schema as the code reads it. A name means the same on every operation
/// (<see cref="Shared"/>) unless the operation says otherwise (<see cref="ByOperation"/>): audit's from and to
/// are instants, the stream's from is a position, a subscription's id is not an event's.
/// </summary>
public static class ParameterDocs
{
    public sealed record Doc(string Description, JsonNode? Example = null, Func<OpenApiSchema>? Schema = null);

    private const int MaxPageSize = Http.Paging.MaxPageSize;

    private static OpenApiSchema Text() => new() { Type = JsonSchemaType.String };

    private static OpenApiSchema Day() => new() { Type = JsonSchemaType.String, Format = "date" };

    private static OpenApiSchema Instant() => new() { Type = JsonSchemaType.String, Format = "date-time" };

    private static OpenApiSchema Uuid() => new() { Type = JsonSchemaType.String, Format = "uuid" };

    private static OpenApiSchema PartialDate() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = @"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$",
    };

    private static OpenApiSchema InstantOrDate() => new()
    {
        Type = JsonSchemaType.String,
        Pattern = @"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01])(?:[Tt]\d{2}:\d{2}:\d{2}(?:\.\d{1,7})?(?:[Zz]|[+-]\d{2}:\d{2}))?)?)?$",
    };

    private static OpenApiSchema Count(int defaultValue) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = "1",
        Maximum = MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(defaultValue),
    };

    private static OpenApiSchema Position() => new() { Type = JsonSchemaType.Integer, Format = "int64", Minimum = "0" };

    private static OpenApiSchema CommaList() => new() { Type = JsonSchemaType.Array, Items = Text() };

    public static readonly IReadOnlyDictionary<string, Doc> Shared = new Dictionary<string, Doc>(StringComparer.OrdinalIgnoreCase)
    {
        ["asOf"] = new("Historical day the answer is for, YYYY-MM-DD. Default: today (UTC).", "2006-12-31", Day),
        ["knownAt"] = new("Recorded instant (RFC 3339, with Z or an offset): answer as the service knew it then, before later corrections. " +
            "Default: now. Answers for a knownAt more than a minute past never change and are cacheable as immutable.", "2025-01-01T00:00:00Z", Instant),
        ["minPosition"] = new("Read your writes: the position a write of yours answered. The answer then includes it (its position is at least this): " +
            "a replica that has not reached it yet is waited for briefly, then the primary answers. Ignored with knownAt.", 466, Position),
        ["type"] = new("Only events of this type (repeatable, or comma-separated), e.g. StateAcceded.", new JsonArray("StateAcceded"), CommaList),
        ["entity"] = new("Only events of this entity: a state's ISO 3166-1 alpha-3 code or an entity's slug.", "UZB", Text),
        ["cursor"] = new("Opaque cursor from the previous page's Link rel=\"next\" header (or its nextCursor).", null, Text),
        ["Idempotency-Key"] = new("Any unique string (1 to 255 visible ASCII characters). Sending the same key with the same request again returns " +
            "the stored answer (with Idempotent-Replayed: true); with a different request, 422.", "9f1c2d3e-record-uzb-2006", Text),
        ["If-Match"] = new("The stream version the write expects, as a strong ETag (\"3\") or a bare number; 412 if the stream moved on. " +
            "\"0\": the stream must not exist yet.", "\"3\"", Text),
        ["If-None-Match"] = new("An ETag from an earlier answer: 304 when the answer is unchanged.", null, Text),
        ["view"] = new("Which histories to answer, comma-separated: membership, secretary-general, chairmanship, bodies, documents. Default: all.",
            "membership,secretary-general,chairmanship", Text),
    };

    private static readonly Doc SubscriptionId = new("The subscription's id (a UUID), as answered when it was created or listed.",
        "0193a0c4-1f2e-7b3c-9d4e-5f6a7b8c9d0e", Uuid);

    private static readonly Dictionary<string, Doc> SubscriptionPaging = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = SubscriptionId,
        ["limit"] = new("Page size, 1 to 500. Default: 50.", 50, () => Count(50)),
        ["before"] = new("Only deliveries older than this delivery id (the previous page's nextBefore).", 1200, Position),
    };

    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, Doc>> ByOperation =
        new Dictionary<string, IReadOnlyDictionary<string, Doc>>(StringComparer.Ordinal)
        {
            ["GetTimeline"] = Dictionary(
                ("from", new("First historical day of the range: EDTF YYYY, YYYY-MM or YYYY-MM-DD, read as its first day (inclusive).", "2012", PartialDate)),
                ("to", new("Last historical day of the range: EDTF YYYY, YYYY-MM or YYYY-MM-DD, read as its last day (inclusive).", "2013", PartialDate)),
                ("limit", new("Page size, 1 to 500. Default: 100.", 50, () => Count(100)))),
            ["GetChanges"] = Dictionary(
                ("from", new("Required. First historical day of the range: EDTF YYYY, YYYY-MM or YYYY-MM-DD, read as its first day (inclusive).", "2012", PartialDate)),
                ("to", new("Last historical day of the range: EDTF YYYY, YYYY-MM or YYYY-MM-DD, read as its last day (inclusive). Default: today.", "2013", PartialDate))),
            ["GetAudit"] = Dictionary(
                ("from", new("Earliest recorded instant (inclusive): RFC 3339 (2025-01-01T00:00:00Z), or a date YYYY, YYYY-MM or YYYY-MM-DD " +
                    "read as the start of its first day (UTC).", "2025-01-01T00:00:00Z", InstantOrDate)),
                ("to", new("Latest recorded instant (inclusive): RFC 3339, or a date YYYY, YYYY-MM or YYYY-MM-DD read as the end of its last day (UTC).",
                    "2026-12-31", InstantOrDate)),
                ("entity", new("Only events of this entity's stream: a state's ISO 3166-1 alpha-3 code or an entity's slug.", "UZB", Text)),
                ("limit", new("Page size, 1 to 500. Default: 100.", 50, () => Count(100)))),
            ["GetEvent"] = Dictionary(("id", new("The event's id (a UUID).", "2882440b-2d62-55a9-8579-d574e936e42a", Uuid))),
            ["CorrectEvent"] = Dictionary(("id", new("The id (a UUID) of the event to correct.", "2882440b-2d62-55a9-8579-d574e936e42a", Uuid))),
            ["RetractEvent"] = Dictionary(("id", new("The id (a UUID) of the event to retract.", "2882440b-2d62-55a9-8579-d574e936e42a", Uuid))),
            ["GetEntityHistory"] = Dictionary(("id", new("The entity: a state's ISO 3166-1 alpha-3 code or an entity's slug.", "UZB", Text))),
            ["GetOffice"] = Dictionary(("office", new("The office's slug: chief-of-joint-staff (GET /api/v1/offices lists them).", "chief-of-joint-staff", Text))),
            ["GetSource"] = Dictionary(("id", new("The source's id (a slug).", "tass-2012-06-28", Text))),
            ["RevokeApiKey"] = Dictionary(("name", new("The name of the API key to revoke.", "alice", Text))),
            ["StreamEvents"] = Dictionary(
                ("from", new("Resume after this global position (the id: of the last event received); ignored when Last-Event-ID is sent. " +
                    "Without either, the stream starts at the head and sends new events only.", 280, Position)),
                ("types", new("Only events of these types (comma-separated or repeated).", new JsonArray("StateAcceded", "MembershipSuspended"), CommaList)),
                ("entities", new("Only events of these entities (comma-separated or repeated): ISO 3166-1 alpha-3 codes or slugs.", new JsonArray("UZB"), CommaList)),
                ("Last-Event-ID", new("The id: of the last event received (a global position); sent by EventSource on reconnection. Wins over from.", "280", () => new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Pattern = "^[0-9]+$",
                }))),
            ["GetSubscription"] = Dictionary(("id", SubscriptionId)),
            ["DeleteSubscription"] = Dictionary(("id", SubscriptionId)),
            ["ListSubscriptions"] = Dictionary(
                ("limit", new("Page size, 1 to 500. Default: 50.", 50, () => Count(50))),
                ("cursor", new("Opaque cursor from the previous page's Link rel=\"next\" header.", null, Text))),
            ["ListDeliveries"] = SubscriptionPaging,
            ["ListDeadLetters"] = SubscriptionPaging,
            ["ReplayDeadLetter"] = Dictionary(("id", SubscriptionId),
                ("deliveryId", new("The dead letter's delivery id (an integer) from GET .../dead-letters.", 1200, Position))),
        };

    /// <summary>The doc for one parameter of one operation: the operation's own, else the shared one.</summary>
    public static Doc? Find(string? operationId, string name) =>
        operationId is not null && ByOperation.TryGetValue(operationId, out var own) && own.TryGetValue(name, out var doc) ? doc
        : Shared.GetValueOrDefault(name);

    private static IReadOnlyDictionary<string, Doc> Dictionary(params (string Name, Doc Doc)[] docs) =>
        docs.ToDictionary(d => d.Name, d => d.Doc, StringComparer.OrdinalIgnoreCase);
}
