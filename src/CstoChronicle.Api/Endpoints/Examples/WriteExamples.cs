using CstoChronicle.Api.Endpoints.Admin;
using CstoChronicle.Api.Endpoints.Writing;
using CstoChronicle.Api.Health;

namespace CstoChronicle.Api.Endpoints.Examples;

/// <summary>Example write receipts, key answers and health answers for the OpenAPI document.</summary>
public static class WriteExamples
{
    private static readonly DateTimeOffset RecordedAt = new(2026, 11, 29, 18, 51, 9, TimeSpan.Zero);

    public static readonly WriteReceipt Recorded = new(Guid.Parse("01a228a5-937b-7a2d-a1d8-5182b70254aa"), "interaction-2024", 1, 285,
        RecordedAt, "alice", false);

    public static readonly WriteReceipt Repeated = Recorded with { AlreadyRecorded = true };

    public static readonly WriteReceipt SourceRegistered = new(Guid.Parse("dc42eca9-afb1-5255-ba0e-e23f90c36f05"), "source-csto-press-2024-02", 1, 284,
        RecordedAt, "alice", false);

    public static readonly IReadOnlyList<ApiKeySummary> Keys =
    [
        new("alice", "editor", ApiKeySummary.FromDatabase, RecordedAt, null),
        new("bob", "editor", ApiKeySummary.FromDatabase, RecordedAt, RecordedAt.AddDays(1)),
        new("ci", "admin", ApiKeySummary.FromConfiguration, null, null),
    ];

    public static readonly CreatedApiKey CreatedKey = new("carol", "editor", "csto_4S9c4EDU8LYKWExZnnCKELEXHErDH0Mwk4IBmLZvpRQ");

    public static readonly HealthAnswer Ready = new("healthy", new Dictionary<string, HealthCheckAnswer>
    {
        ["postgresql"] = new("healthy", "PostgreSQL answers."),
        ["projections"] = new("healthy", "Every projection and subscription is level with the high-water mark (this node leads the daemon)."),
    });

    public static readonly HealthAnswer Unready = new("unhealthy", new Dictionary<string, HealthCheckAnswer>
    {
        ["postgresql"] = new("healthy", "PostgreSQL answers."),
        ["projections"] = new("unhealthy", "Stopped on a failing event (see the log): log_cursor:All at position 41, failing on event 0b8f3c2e-5d7a-4e59-9a1c-3f6e2d7b8a90 (state_withdrew, position 42)"),
    });

    public static readonly HealthAnswer Live = new("healthy", new Dictionary<string, HealthCheckAnswer>());
}
