using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;
using static System.Net.HttpStatusCode;

namespace CstoChronicle.Api.Tests.Hostile;

/// <summary>The table of hostile requests: malformed, mistyped, invalid, oversized, injected, unauthorized.</summary>
public static class HostileRequests
{
    private const string Events = "/api/v1/events";

    /// <summary>Uzbekistan's accession in the dataset (its id derives from the dataset's slug, so it is the same in every store).</summary>
    private const string DatasetFact = "2882440b-2d62-55a9-8579-d574e936e42a";
    private const string Sources = "/api/v1/sources";

    private const string DatasetSources = $$$"""[{"sourceId":"{{{Facts.DatasetSource}}}"}]""";

    private static string Fact(string state = "ARM", string on = "2030-01-01", string sources = DatasetSources, string extra = "") =>
        $$$"""{"type":"MembershipSuspended","data":{"state":"{{{state}}}","on":"{{{on}}}"{{{extra}}},"sources":{{{sources}}}}}""";

    private const string Keys = "/api/v1/admin/keys";
    private const string Subscriptions = "/api/v1/subscriptions";

    /// <summary>Characters no text field may hold, as JSON escapes: NUL, other C0 controls, DEL, C1, bidi overrides and isolates, a lone surrogate.</summary>
    private static readonly (string Name, string Escape)[] Refused =
    [
        ("NUL", "\\u0000"), ("BEL", "\\u0007"), ("ESC", "\\u001b"), ("DEL", "\\u007f"), ("C1 CSI", "\\u009b"),
        ("right-to-left override", "\\u202e"), ("left-to-right embedding", "\\u202a"), ("first-strong isolate", "\\u2068"), ("lone surrogate", "\\ud800"),
    ];

    private static IEnumerable<HostileRequest> ControlCharacters()
    {
        foreach (var (name, c) in Refused)
        {
            yield return new($"{name} in a fact's state", "POST", Events, Fact(state: $"A{c}RM"), BadRequest, "invalid-body");
            yield return new($"{name} in a fact's note", "POST", Events, Fact(extra: $",\"note\":\"a{c}b\""), BadRequest, "invalid-body");
            yield return new($"{name} in a citation's quote", "POST", Events,
                Fact(sources: $$$"""[{"sourceId":"{{{Facts.DatasetSource}}}","quote":"q{{{c}}}"}]"""), BadRequest, "invalid-body");
            yield return new($"{name} in a correction's reason", "POST", $"{Events}/{DatasetFact}/corrections",
                Facts.SuspensionCorrection("UZB", "2006-08-16", reason: $"r{c}"), BadRequest, "invalid-body");
            yield return new($"{name} in a retraction's reason", "POST", $"{Events}/{DatasetFact}/retractions", Facts.Retraction($"r{c}"), BadRequest, "invalid-body");
            yield return new($"{name} in a source's title", "POST", Sources, Facts.Source("ctl").Replace("Test source", $"Test{c}source"), BadRequest, "invalid-body");
            yield return new($"{name} in a source's id", "POST", Sources, Facts.Source("ctl").Replace("\"id\":\"ctl\"", $"\"id\":\"ctl{c}\""), BadRequest, "invalid-body");
            yield return new($"{name} in a key's name", "POST", Keys, $$$"""{"name":"k{{{c}}}","role":"editor"}""", BadRequest, "invalid-body", Key: "admin");
            yield return new($"{name} in a subscription's description", "POST", Subscriptions,
                $$$"""{"url":"https://hooks.example.org/in","description":"d{{{c}}}"}""", BadRequest, "invalid-body");
            yield return new($"{name} in a subscription's entity filter", "POST", Subscriptions,
                $$$"""{"url":"https://hooks.example.org/in","entities":["UZB{{{c}}}"]}""", BadRequest, "invalid-body");
        }
        yield return new("BEL in a field name", "POST", Sources, Facts.Source("ctl").Replace("\"publisher\"", "\"pub\\u0007lisher\""), BadRequest, "invalid-body");
    }

    public static IEnumerable<HostileRequest> All()
    {
        // Bodies that are not JSON of the right shape: 400 invalid-body.
        yield return new("malformed JSON", "POST", Events, "{\"type\":", BadRequest, "invalid-body");
        yield return new("empty body", "POST", Events, "", BadRequest, "invalid-body");
        yield return new("JSON null", "POST", Events, "null", BadRequest, "invalid-body");
        yield return new("JSON array", "POST", Events, "[]", BadRequest, "invalid-body");
        yield return new("type is a number", "POST", Events, """{"type":1,"data":{}}""", BadRequest, "invalid-body");
        yield return new("type missing", "POST", Events, """{"data":{}}""", BadRequest, "invalid-body");
        yield return new("data missing", "POST", Events, """{"type":"MembershipSuspended"}""", BadRequest, "invalid-body");
        yield return new("unknown field recordedBy", "POST", Events, Fact().Insert(1, "\"recordedBy\":\"mallory\","), BadRequest, "invalid-body");
        yield return new("duplicate field", "POST", Events, Fact().Insert(1, "\"type\":\"StateWithdrew\","), BadRequest, "invalid-body");
        yield return new("nesting 200 deep", "POST", Events, $$"""{"type":"MembershipSuspended","data":{{new string('[', 200)}}{{new string(']', 200)}}}""", BadRequest, "invalid-body");
        yield return new("NUL character in a note", "POST", Events, Fact(extra: ",\"note\":\"a\\u0000b\""), BadRequest, "invalid-body");
        yield return new("NUL character in a source title", "POST", Sources, Facts.Source("nul").Replace("Test source", "Test\\u0000source"), BadRequest, "invalid-body");
        yield return new("source without title", "POST", Sources, """{"id":"no-title","language":"en"}""", BadRequest, "invalid-body");
        yield return new("retraction sources is a string", "POST", $"{Events}/{DatasetFact}/retractions", """{"reason":"x","sources":"all"}""", BadRequest, "invalid-body");
        yield return new("retraction without reason", "POST", $"{Events}/{DatasetFact}/retractions", """{"sources":[]}""", BadRequest, "invalid-body");

        // Well-formed, refused by the chronicle's rules: 422 validation.
        yield return new("invalid EDTF 2022-02-30", "POST", Events, Fact(on: "2022-02-30"), UnprocessableEntity, "validation");
        yield return new("invalid EDTF 1992-13", "POST", Events, Fact(on: "1992-13"), UnprocessableEntity, "validation");
        yield return new("invalid EDTF 19920515", "POST", Events, Fact(on: "19920515"), UnprocessableEntity, "validation");
        yield return new("date with spaces", "POST", Events, Fact(on: " 2020-01-01"), UnprocessableEntity, "validation");
        yield return new("date is a number", "POST", Events, Fact().Replace("\"2030-01-01\"", "2030"), UnprocessableEntity, "validation");
        yield return new("unknown state", "POST", Events, Fact(state: "XXX"), UnprocessableEntity, "validation");
        yield return new("lower-case state", "POST", Events, Fact(state: "arm"), UnprocessableEntity, "validation");
        yield return new("SQL in the state", "POST", Events, Fact(state: "ARM'; DROP TABLE mt_events; --"), UnprocessableEntity, "validation");
        yield return new("SQL in a source id", "POST", Events, Fact(sources: """[{"sourceId":"x' OR '1'='1"}]"""), UnprocessableEntity, "validation");
        yield return new("unregistered source", "POST", Events, Fact(sources: """[{"sourceId":"never-registered"}]"""), UnprocessableEntity, "validation");
        yield return new("no sources", "POST", Events, Fact(sources: "[]"), UnprocessableEntity, "validation");
        yield return new("unicode state", "POST", Events, Fact(state: "Армения"), UnprocessableEntity, "validation");
        yield return new("emoji state", "POST", Events, Fact(state: "\ud83c\udde6\ud83c\uddf2"), UnprocessableEntity, "validation");
        yield return new("unknown event type", "POST", Events, Fact().Replace("MembershipSuspended", "DropTables"), UnprocessableEntity, "validation");
        yield return new("data is a string", "POST", Events, """{"type":"MembershipSuspended","data":"ARM"}""", UnprocessableEntity, "validation");
        yield return new("suspension before accession", "POST", Events, Fact(state: "GEO", on: "1990-01-01"), UnprocessableEntity, "validation");
        yield return new("source id with a path", "POST", Sources, Facts.Source("x").Replace("\"id\":\"x\"", "\"id\":\"../../etc/passwd\""), UnprocessableEntity, "validation");
        yield return new("correction without reason", "POST", $"{Events}/{DatasetFact}/corrections",
            """{"reason":"","sources":[],"replacement":{}}""", UnprocessableEntity, "validation");
        yield return new("correction moving the fact to another state", "POST", $"{Events}/{DatasetFact}/corrections",
            Facts.SuspensionCorrection("KAZ", "2006-08-16"), UnprocessableEntity, "validation");
        yield return new("retraction citing an unregistered source", "POST", $"{Events}/{DatasetFact}/retractions",
            """{"reason":"wrong","sources":[{"sourceId":"nowhere"}]}""", UnprocessableEntity, "validation");

        // Control characters in any text field of every write and admin endpoint: 400 naming the field (issue 12, item 3).
        foreach (var request in ControlCharacters()) yield return request;

        // Ids that end in a line feed: every pattern anchors at the true end of the text.
        yield return new("source id with a trailing line feed", "POST", Sources, Facts.Source("x").Replace("\"id\":\"x\"", "\"id\":\"trailing-lf\\n\""), UnprocessableEntity, "validation");
        yield return new("source language with a trailing line feed", "POST", Sources, Facts.Source("lang-lf").Replace("\"en\"", "\"en\\n\""), UnprocessableEntity, "validation");
        yield return new("key name with a trailing line feed", "POST", Keys, """{"name":"x\n","role":"editor"}""", UnprocessableEntity, "validation", Key: "admin");
        yield return new("revoking a key name with a trailing line feed", "DELETE", Keys + "/x%0A", null, NotFound, "not-found", Key: "admin");
        yield return new("document id with a trailing line feed", "POST", Events,
            $$$"""{"type":"DocumentSigned","data":{"document":"treaty-lf\n","title":"T","kind":"treaty","on":"2030-01-01","sources":{{{DatasetSources}}}}}""", UnprocessableEntity, "validation");

        // Media type and size.
        yield return new("text/plain body", "POST", Events, Fact(), UnsupportedMediaType, "unsupported-media-type", ContentType: "text/plain");
        yield return new("form body", "POST", Events, "type=x", UnsupportedMediaType, "unsupported-media-type", ContentType: "application/x-www-form-urlencoded");
        yield return new("body without content type", "POST", Events, Fact(), UnsupportedMediaType, "unsupported-media-type", ContentType: null);
        yield return new("300 KB body", "POST", Events, Fact(extra: $",\"note\":\"{new string('x', 300 * 1024)}\""), RequestEntityTooLarge, "payload-too-large");
        yield return new("300 KB source", "POST", Sources, Facts.Source("big").Replace("Test source", new string('y', 300 * 1024)), RequestEntityTooLarge, "payload-too-large");

        // Headers.
        yield return new("If-Match not a number", "POST", Events, Fact(), BadRequest, "invalid-parameter", Headers: [("If-Match", "\"abc\"")]);
        yield return new("If-Match weak", "POST", Events, Fact(), BadRequest, "invalid-parameter", Headers: [("If-Match", "W/\"1\"")]);
        yield return new("If-Match negative", "POST", Events, Fact(), BadRequest, "invalid-parameter", Headers: [("If-Match", "\"-1\"")]);
        yield return new("Idempotency-Key too long", "POST", Events, Fact(), BadRequest, "invalid-parameter", Headers: [("Idempotency-Key", new string('k', 300))]);
        yield return new("Idempotency-Key with a space", "POST", Events, Fact(), BadRequest, "invalid-parameter", Headers: [("Idempotency-Key", "a b")]);

        // Keys.
        yield return new("write without a key", "POST", Events, Fact(), Unauthorized, "unauthorized", Key: "none");
        yield return new("write with an unknown key", "POST", Events, Fact(), Unauthorized, "unauthorized", Key: "csto_guessed");
        yield return new("write with a SQL key", "POST", Events, Fact(), Unauthorized, "unauthorized", Key: "' OR 1=1 --");
        yield return new("editor managing keys", "POST", "/api/v1/admin/keys", """{"name":"eve","role":"admin"}""", Forbidden, "forbidden");

        // Ids and routes.
        yield return new("correction of a malformed id", "POST", $"{Events}/1%20OR%201=1/corrections", Facts.SuspensionCorrection("ARM", "2030-01-01"), BadRequest, "invalid-parameter");
        yield return new("correction without replacement", "POST", $"{Events}/{DatasetFact}/corrections", Facts.Retraction(), BadRequest, "invalid-body");
        yield return new("correction of an unknown event", "POST", $"{Events}/{Guid.NewGuid()}/corrections",
            Facts.SuspensionCorrection("ARM", "2030-01-01"), NotFound, "not-found");
        yield return new("retraction of an unknown event", "POST", $"{Events}/{Guid.NewGuid()}/retractions", Facts.Retraction(), NotFound, "not-found");
        yield return new("unknown route", "GET", "/api/v1/../../etc/passwd", null, NotFound, "not-found");
        yield return new("unknown API route", "POST", "/api/v1/members/delete", "{}", NotFound, "not-found");
        yield return new("DELETE on members", "DELETE", "/api/v1/members", null, MethodNotAllowed, "method-not-allowed");
        yield return new("unknown source", "GET", "/api/v1/sources/%27%20OR%201%3D1", null, NotFound, "not-found");
        yield return new("event id not a UUID", "GET", "/api/v1/events/%27;DROP", null, BadRequest, "invalid-parameter");

        // Query parameters.
        yield return new("asOf 2022-02-30", "GET", "/api/v1/members?asOf=2022-02-30", null, BadRequest, "invalid-parameter");
        yield return new("asOf 1992-13", "GET", "/api/v1/members?asOf=1992-13", null, BadRequest, "invalid-parameter");
        yield return new("asOf 19920515", "GET", "/api/v1/offices/secretary-general?asOf=19920515", null, BadRequest, "invalid-parameter");
        yield return new("asOf with SQL", "GET", "/api/v1/chairmanship?asOf=2006-01-01%27%20OR%201%3D1--", null, BadRequest, "invalid-parameter");
        yield return new("asOf in Arabic digits", "GET", "/api/v1/members?asOf=%D9%A2%D9%A0%D9%A0%D9%A6-%D9%A1%D9%A2-%D9%A3%D9%A1", null, BadRequest, "invalid-parameter");
        yield return new("knownAt in the future", "GET", "/api/v1/members?knownAt=2999-01-01T00:00:00Z", null, BadRequest, "invalid-parameter");
        yield return new("knownAt without offset", "GET", "/api/v1/members?knownAt=2020-01-01T00:00:00", null, BadRequest, "invalid-parameter");
        yield return new("limit not a number", "GET", "/api/v1/timeline?limit=abc", null, BadRequest, "invalid-parameter");
        yield return new("limit huge", "GET", "/api/v1/audit?limit=1000000", null, BadRequest, "invalid-parameter");
        yield return new("forged cursor", "GET", "/api/v1/timeline?cursor=eyJwb3NpdGlvbiI6LTF9", null, BadRequest, "invalid-parameter");
        yield return new("audit from not an instant", "GET", "/api/v1/audit?from=yesterday", null, BadRequest, "invalid-parameter");
        yield return new("changes from after to", "GET", "/api/v1/changes?from=2013&to=2012", null, BadRequest, "invalid-parameter");
        yield return new("SQL in the entity filter is inert", "GET", "/api/v1/timeline?entity=UZB%27%20OR%20%271%27%3D%271", null, OK, null);
        yield return new("control characters in the entity filter are inert", "GET", "/api/v1/audit?entity=%07%1B%5B2J", null, OK, null);

        // The event stream: a refused stream is a problem answered before any place or read is taken (issue 12, item 5).
        yield return new("stream from a negative position", "GET", "/api/v1/stream?from=-1", null, BadRequest, "invalid-parameter");
        yield return new("stream from SQL", "GET", "/api/v1/stream?from=0%20OR%201%3D1", null, BadRequest, "invalid-parameter");
        yield return new("stream from a position past long", "GET", "/api/v1/stream?from=99999999999999999999", null, BadRequest, "invalid-parameter");
        yield return new("stream resumed from a Last-Event-ID that is not a position", "GET", "/api/v1/stream", null, BadRequest, "invalid-parameter",
            Headers: [("Last-Event-ID", "1; DROP TABLE mt_events")]);
        yield return new("stream of an unknown type", "GET", "/api/v1/stream?types=DropTables", null, BadRequest, "invalid-parameter");
        yield return new("stream of an entity holding a control character", "GET", "/api/v1/stream?entities=UZB%07", null, BadRequest, "invalid-parameter");
    }
}
