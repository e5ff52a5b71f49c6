namespace CstoChronicle.Api.Endpoints;

/// <summary>Example answers for the OpenAPI document, in the shapes the API really sends (see docs/api.md).</summary>
public static class Examples
{
    private static readonly Guid FactId = Guid.Parse("5b0f7a8e-6d3c-5f1e-9a2b-3c4d5e6f7a8b");

    public static readonly object Members = new
    {
        asOf = "2006-12-31",
        knownAt = "2026-11-29T18:00:00Z",
        position = 212,
        members = new object[]
        {
            new { state = "ARM", name = "Armenia", status = "member", since = "1992-05-15", certainty = "certain", eventIds = new[] { FactId } },
            new { state = "UZB", name = "Uzbekistan", status = "member", since = "2006-08-16", certainty = "certain", eventIds = new[] { FactId } },
        },
    };

    public static readonly object SecretaryGeneral = new
    {
        asOf = "2017-03-01",
        knownAt = "2026-11-29T18:00:00Z",
        position = 212,
        holder = new { personId = "yury-khachaturov", name = "Yury Khachaturov", state = "ARM", acting = false, since = "2017-01-01", certainty = "certain", eventIds = new[] { FactId } },
    };

    public static readonly object Chairmanship = new
    {
        asOf = "2022-12-31",
        knownAt = "2026-11-29T18:00:00Z",
        position = 212,
        chair = new { state = "ARM", name = "Armenia", since = "2022", certainty = "certain", eventIds = new[] { FactId } },
    };

    public static readonly object Changes = new
    {
        from = "2012-01-01",
        to = "2013-12-31",
        knownAt = "2026-11-29T18:00:00Z",
        position = 212,
        changes = new object[]
        {
            new { area = "membership", entity = "UZB", name = "Uzbekistan", what = "suspended", on = "2012-06-28", certainty = "certain", eventIds = new[] { FactId } },
        },
    };

    public static readonly object Timeline = new
    {
        knownAt = "2026-11-29T18:00:00Z",
        position = 212,
        items = new object[]
        {
            new { eventId = FactId, type = "StateAcceded", entity = "UZB", on = "2006-08-16", title = "Uzbekistan accedes", rank = "normal",
                recordedAt = "2026-11-29T17:59:58.123Z", position = 150, eventIds = new[] { FactId } },
        },
        nextCursor = "dDEuMjAwNi0wOC0xNi4yMDA2LTA4LTE2LjE1MA",
    };

    public static readonly object Event = new
    {
        knownAt = "2026-11-29T18:00:00Z",
        position = 212,
        @event = new
        {
            eventId = FactId, type = "StateAcceded", entity = "UZB", version = 1, position = 150, on = "2006-08-16", title = "Uzbekistan accedes",
            data = new { state = "UZB", on = "2006-08-16", sources = new[] { new { sourceId = "csto-members", locator = "para. 2" } } },
            sources = new[] { new { sourceId = "csto-members", title = "Member states", url = "https://en.odkb-csto.org/", locator = "para. 2" } },
            recordedAt = "2026-11-29T17:59:58.123Z", recordedBy = "dataset-import",
        },
    };

    public static readonly object Receipt = new
    {
        eventId = FactId, entity = "UZB", version = 3, position = 213, recordedAt = "2026-11-29T18:01:02.345Z", recordedBy = "alice", alreadyRecorded = false,
    };
}
