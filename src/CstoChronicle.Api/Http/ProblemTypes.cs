namespace CstoChronicle.Api.Http;

/// <summary>
/// The stable RFC 9457 type URIs of every problem the API answers (docs/decisions/0201-problem-types.md).
/// They are identifiers: clients compare them, nothing needs to be served at them.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://csto-chronicle.example/problems/";

    public const string InvalidParameter = Base + "invalid-parameter";
    public const string InvalidBody = Base + "invalid-body";
    public const string Validation = Base + "validation";
    public const string Unauthorized = Base + "unauthorized";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string VersionConflict = Base + "version-conflict";
    public const string PreconditionFailed = Base + "precondition-failed";
    public const string FactAmended = Base + "fact-amended";
    public const string PayloadTooLarge = Base + "payload-too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string IdempotencyKeyReused = Base + "idempotency-key-reused";
    public const string IdempotencyInProgress = Base + "idempotency-in-progress";
    public const string RateLimited = Base + "rate-limited";
    public const string TooManyStreams = Base + "too-many-streams";
    public const string TooManySubscriptions = Base + "too-many-subscriptions";
    public const string Unavailable = Base + "unavailable";
    public const string Internal = Base + "internal";
}
