using System.Net;
using System.Text.Json;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Api.Tests.Notifications;

namespace CstoChronicle.Api.Tests.OpenApi;

/// <summary>
/// The document tells the truth: real answers of every operation, successes and problems alike, validate against
/// the schema the document gives for their status and media type (a historical date is a string there, as on the wire).
/// </summary>
public sealed class AnswersMatchTheDocumentTests(DocumentedApi api) : IClassFixture<DocumentedApi>
{
    private const string UzbekAccession = "2882440b-2d62-55a9-8579-d574e936e42a";

    [Fact]
    public async Task Every_read_answers_what_its_schema_says()
    {
        string[] urls =
        [
            "/api/v1/members?asOf=2006-12-31", "/api/v1/members?asOf=2013-06-01&knownAt=2025-01-01T00:00:00Z", "/api/v1/members?asOf=1990-01-01",
            "/api/v1/offices/secretary-general?asOf=2017-03-01", "/api/v1/offices/secretary-general?asOf=1990-01-01",
            "/api/v1/offices?asOf=2017-03-01", "/api/v1/offices/chief-of-joint-staff?asOf=2017-03-01", "/api/v1/offices/chief-of-joint-staff?asOf=1990-01-01",
            "/api/v1/chairmanship?asOf=2022-12-31", "/api/v1/chairmanship?asOf=1990-01-01",
            "/api/v1/bodies?asOf=2010-01-01", "/api/v1/documents?asOf=2010-01-01", "/api/v1/periods", "/api/v1/periods?view=membership", "/api/v1/changes?from=2012&to=2013",
            "/api/v1/timeline?limit=500", "/api/v1/timeline?entity=UZB", "/api/v1/timeline?from=2006&to=2007&type=StateAcceded&limit=2",
            $"/api/v1/events/{UzbekAccession}", "/api/v1/entities/UZB/history", "/api/v1/entities/secretary-general/history",
            "/api/v1/audit?limit=500", "/api/v1/audit?entity=UZB&from=2020-01-01T00:00:00Z", "/api/v1/sources", $"/api/v1/sources/{Facts.DatasetSource}",
            "/health/live", "/health/ready",
        ];
        var client = api.CreateClient();
        foreach (var url in urls)
        {
            var response = await client.GetAsync(url);
            // Readiness may answer 503 on a loaded machine (a check past its time limit); both answers are documented.
            if (url == "/health/ready") response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable], url);
            else response.StatusCode.ShouldBe(HttpStatusCode.OK, url);
            await api.ShouldMatchTheDocumentAsync(response);
        }
    }

    [Fact]
    public async Task Every_get_in_the_document_answers_its_schema_with_the_documents_own_examples()
    {
        var document = await api.DocumentAsync();
        var client = api.CreateAdminClient();
        var checkedOperations = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            if (!path.Value.TryGetProperty("get", out var operation) || path.Name == "/api/v1/stream") continue;
            var url = path.Name;
            var query = new List<string>();
            foreach (var parameter in operation.TryGetProperty("parameters", out var parameters) ? parameters.EnumerateArray() : default)
            {
                if (!parameter.TryGetProperty("example", out var example)) continue;
                var name = parameter.GetProperty("name").GetString()!;
                var value = example.ValueKind == JsonValueKind.Array ? example[0].ToString() : example.ToString();
                switch (parameter.GetProperty("in").GetString())
                {
                    case "path": url = url.Replace("{" + name + "}", Uri.EscapeDataString(value)); break;
                    case "query" when name != "cursor" && name != "before": query.Add($"{name}={Uri.EscapeDataString(value)}"); break;
                }
            }
            if (query.Count > 0) url += "?" + string.Join('&', query);
            await api.ShouldMatchTheDocumentAsync(await client.GetAsync(url));
            checkedOperations++;
        }
        checkedOperations.ShouldBeGreaterThanOrEqualTo(15);
    }

    [Fact]
    public async Task Writes_corrections_keys_and_subscriptions_answer_what_their_schemas_say()
    {
        var client = api.CreateClient();
        async Task<JsonElement> Send(HttpRequestMessage request, HttpStatusCode expected)
        {
            var response = await client.SendAsync(request);
            response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
            return await api.ShouldMatchTheDocumentAsync(response) ?? default;
        }

        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(Microsoft.AspNetCore.Http.Results.StatusCode(500));
        var subscription = await Send(api.Post("/api/v1/subscriptions", $$"""{"url":"{{receiver.Url}}","entities":["ARM"],"description":"schema check"}"""), HttpStatusCode.Created);
        var id = subscription.GetProperty("id").GetString();

        await Send(api.Post("/api/v1/sources", Facts.Source("schema-check")), HttpStatusCode.Created);
        await Send(api.Post("/api/v1/sources", Facts.Source("schema-check")), HttpStatusCode.OK);
        var fact = await Send(api.Post("/api/v1/events", Facts.Suspension("ARM", "2031-02-03")), HttpStatusCode.Created);
        var eventId = fact.GetProperty("eventId").GetString();
        var correction = await Send(api.Post($"/api/v1/events/{eventId}/corrections", Facts.SuspensionCorrection("ARM", "2031-02-04")), HttpStatusCode.Created);
        await Send(api.Post($"/api/v1/events/{eventId}/retractions", Facts.Retraction()), HttpStatusCode.Conflict);
        var informedRetraction = api.Post($"/api/v1/events/{eventId}/retractions", Facts.Retraction());
        informedRetraction.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{correction.GetProperty("version").GetInt64()}\""));
        await Send(informedRetraction, HttpStatusCode.Created);
        await api.ShouldMatchTheDocumentAsync(await client.GetAsync($"/api/v1/events/{eventId}"));
        await api.ShouldMatchTheDocumentAsync(await client.GetAsync("/api/v1/entities/ARM/history"));

        await Send(api.Post("/api/v1/admin/keys", """{"name":"schema-check","role":"editor"}""", ChronicleApiFactory.AdminKey), HttpStatusCode.Created);
        var admin = api.CreateAdminClient();
        await api.ShouldMatchTheDocumentAsync(await admin.GetAsync("/api/v1/admin/keys"));
        await api.ShouldMatchTheDocumentAsync(await admin.DeleteAsync("/api/v1/admin/keys/schema-check"));

        var editor = api.CreateEditorClient();
        await Eventually.HoldsAsync(async () =>
            (await editor.GetJsonAsync($"/api/v1/subscriptions/{id}/dead-letters")).GetProperty("deliveries").GetArrayLength() > 0, "a dead letter");
        var deadLetters = await api.ShouldMatchTheDocumentAsync(await editor.GetAsync($"/api/v1/subscriptions/{id}/dead-letters"));
        var deliveryId = deadLetters!.Value.GetProperty("deliveries")[0].GetProperty("id").GetInt64();
        await api.ShouldMatchTheDocumentAsync(await editor.GetAsync($"/api/v1/subscriptions/{id}/deliveries?limit=1"));
        await api.ShouldMatchTheDocumentAsync(await editor.GetAsync($"/api/v1/subscriptions/{id}"));
        await api.ShouldMatchTheDocumentAsync(await editor.GetAsync("/api/v1/subscriptions"));
        await Send(api.Post($"/api/v1/subscriptions/{id}/dead-letters/{deliveryId}/replay", ""), HttpStatusCode.Accepted);
        await api.ShouldMatchTheDocumentAsync(await editor.DeleteAsync($"/api/v1/subscriptions/{id}"));
    }

    [Fact]
    public async Task Problems_answer_the_documented_problem_schema()
    {
        var anonymous = api.CreateClient();
        var editor = api.CreateEditorClient();
        HttpResponseMessage[] answers =
        [
            await anonymous.GetAsync("/api/v1/members?asOf=2006-13-01"),
            await anonymous.GetAsync("/api/v1/timeline?limit=0"),
            await anonymous.GetAsync("/api/v1/audit?from=yesterday"),
            await anonymous.GetAsync($"/api/v1/events/{Guid.NewGuid()}"),
            await anonymous.GetAsync("/api/v1/sources/no-such-source"),
            await anonymous.GetAsync("/api/v1/stream?from=-1"),
            await anonymous.SendAsync(api.Post("/api/v1/events", Facts.Suspension(), key: "csto_unknown")),
            await editor.SendAsync(api.Post("/api/v1/admin/keys", """{"name":"x","role":"editor"}""")),
            await editor.SendAsync(api.Post("/api/v1/events", Facts.Suspension(state: "XXX"))),
            await editor.SendAsync(api.Post("/api/v1/events", "{\"type\":")),
            await editor.SendAsync(WithIfMatch(api.Post("/api/v1/events", Facts.Suspension()), "\"1\"")),
            await editor.PostAsync("/api/v1/events", new StringContent(Facts.Suspension(), System.Text.Encoding.UTF8, "text/plain")),
            await editor.GetAsync("/api/v1/subscriptions/not-a-subscription"),
            await editor.GetAsync($"/api/v1/subscriptions/{Guid.NewGuid()}/deliveries?limit=9999"),
        ];
        foreach (var answer in answers)
        {
            ((int)answer.StatusCode).ShouldBeInRange(400, 499);
            answer.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            await api.ShouldMatchTheDocumentAsync(answer);
        }
    }

    private static HttpRequestMessage WithIfMatch(HttpRequestMessage request, string version)
    {
        request.Headers.TryAddWithoutValidation("If-Match", version);
        return request;
    }
}
