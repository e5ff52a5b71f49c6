using System.Net;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Writes;

/// <summary>Every write with no key, an unknown key, an editor's and an admin's.</summary>
public sealed class AuthMatrixTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    private const string UnknownKey = "csto_this-key-was-never-issued-0123456789";

    public static TheoryData<string, string> Keys => new()
    {
        { "none", "" }, { "unknown", UnknownKey }, { "malformed", "Basic dXNlcjpwYXNz" },
        { "editor", ChronicleApiFactory.EditorKey }, { "admin", ChronicleApiFactory.AdminKey },
    };

    public static TheoryData<string, string> WritesByKey()
    {
        var data = new TheoryData<string, string>();
        foreach (var write in new[] { "source", "event", "correction", "retraction" })
            foreach (var key in new[] { "none", "unknown", "malformed", "editor", "admin" })
                data.Add(write, key);
        return data;
    }

    [Theory]
    [MemberData(nameof(WritesByKey))]
    public async Task Writes_need_an_editor_or_admin_key(string write, string key)
    {
        var client = factory.CreateClient();
        var unique = Guid.NewGuid().ToString("N")[..8];
        var target = write is "correction" or "retraction" ? await RecordTargetAsync(unique) : null;
        var (path, body) = write switch
        {
            "source" => ("/api/v1/sources", Facts.Source("auth-" + unique)),
            "event" => ("/api/v1/events", Facts.Suspension("KAZ", "2040-01-01")),
            "correction" => ($"/api/v1/events/{target}/corrections", Facts.SuspensionCorrection("KAZ", "2041-02-01")),
            _ => ($"/api/v1/events/{target}/retractions", Facts.Retraction()),
        };
        var before = await factory.HeadPositionAsync();

        var response = await client.PostJsonAsync(path, body, Authorization(key));

        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain(UnknownKey);
        text.ShouldNotContain(ChronicleApiFactory.EditorKey);
        if (key is "editor" or "admin")
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Created, text);
            (await response.ReadJsonAsync()).GetProperty("recordedBy").GetString()
                .ShouldBe(key == "editor" ? ChronicleApiFactory.EditorName : ChronicleApiFactory.AdminName);
        }
        else
        {
            await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
            response.Headers.WwwAuthenticate.ToString().ShouldBe("Bearer");
            (await factory.HeadPositionAsync()).ShouldBe(before);
        }
    }

    [Theory]
    [InlineData("none", HttpStatusCode.Unauthorized)]
    [InlineData("unknown", HttpStatusCode.Unauthorized)]
    [InlineData("editor", HttpStatusCode.Forbidden)]
    [InlineData("admin", HttpStatusCode.OK)]
    public async Task Key_management_needs_an_admin_key(string key, HttpStatusCode expected)
    {
        var response = await factory.CreateClient().SendAsync(WithAuthorization(new HttpRequestMessage(HttpMethod.Get, "/api/v1/admin/keys"), key));
        if (expected == HttpStatusCode.OK) response.StatusCode.ShouldBe(HttpStatusCode.OK);
        else await response.ShouldBeProblemAsync(expected, expected == HttpStatusCode.Forbidden ? "forbidden" : "unauthorized");
    }

    [Fact]
    public async Task An_admin_creates_a_key_that_works_once_shown_and_revokes_it()
    {
        var admin = factory.CreateAdminClient();
        var created = await admin.PostJsonAsync("/api/v1/admin/keys", """{"name":"carol","role":"editor"}""");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var key = (await created.ReadJsonAsync()).GetProperty("key").GetString()!;

        var listed = await admin.GetStringAsync("/api/v1/admin/keys");
        listed.ShouldContain("carol");
        listed.ShouldNotContain(key);
        (await factory.ScalarAsync<string>("SELECT key_hash FROM {schema}.api_keys WHERE name = 'carol'"))
            .ShouldBe(CstoChronicle.Api.Security.ApiKeyText.Hash(key));

        var carol = factory.CreateClientWithKey(key);
        (await carol.PostJsonAsync("/api/v1/sources", Facts.Source("carol-source"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await (await carol.GetAsync($"/api/v1/sources/carol-source")).ReadJsonAsync()).GetProperty("citedBy").GetArrayLength().ShouldBe(0);

        (await admin.DeleteAsync("/api/v1/admin/keys/carol")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await carol.PostJsonAsync("/api/v1/sources", Facts.Source("carol-source-2"))).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Reads_need_no_key()
    {
        (await factory.CreateClient().GetAsync("/api/v1/members")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> RecordTargetAsync(string unique)
    {
        var day = 1 + Math.Abs(unique.GetHashCode() % 27);
        var response = await factory.CreateEditorClient().PostJsonAsync("/api/v1/events", Facts.Suspension("KAZ", $"2041-01-{day:00}"));
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("eventId").GetString()!;
    }

    private static (string, string)[] Authorization(string key) => key switch
    {
        "none" => [],
        "unknown" => [("Authorization", "Bearer " + UnknownKey)],
        "malformed" => [("Authorization", "Basic dXNlcjpwYXNz")],
        "editor" => [("Authorization", "Bearer " + ChronicleApiFactory.EditorKey)],
        _ => [("Authorization", "Bearer " + ChronicleApiFactory.AdminKey)],
    };

    private static HttpRequestMessage WithAuthorization(HttpRequestMessage request, string key)
    {
        foreach (var (name, value) in Authorization(key)) request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }
}
