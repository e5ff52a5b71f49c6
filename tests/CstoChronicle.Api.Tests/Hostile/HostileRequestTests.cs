using System.Net;
using System.Text;
using CstoChronicle.Api.Tests.Infrastructure;
using CstoChronicle.Api.Tests.Security;

namespace CstoChronicle.Api.Tests.Hostile;

public sealed class HostileRequestTests(HostileApi factory) : IClassFixture<HostileApi>
{
    public static TheoryData<HostileRequest> Table => new(HostileRequests.All());

    [Fact]
    public void The_table_holds_at_least_forty_requests() => HostileRequests.All().Count().ShouldBeGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_gets_its_status_and_problem_type_and_writes_nothing(HostileRequest hostile)
    {
        var before = await WrittenAsync();
        var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(hostile.Body));
            if (hostile.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        }
        var key = hostile.Key switch
        {
            "editor" => ChronicleApiFactory.EditorKey,
            "admin" => ChronicleApiFactory.AdminKey,
            "none" => null,
            var other => other,
        };
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        foreach (var (name, value) in hostile.Headers ?? []) request.Headers.TryAddWithoutValidation(name, value);

        var response = await factory.CreateClient().SendAsync(request);

        SecurityHeaders.ShouldBeOn(response);
        if (hostile.Type is null)
            response.StatusCode.ShouldBe(hostile.Status, await response.Content.ReadAsStringAsync());
        else
        {
            var problem = await response.ShouldBeProblemAsync(hostile.Status, hostile.Type);
            problem.Detail.ShouldNotBeNullOrWhiteSpace();
            problem.RequestId.ShouldNotBeNullOrWhiteSpace();
            if (hostile.Status == HttpStatusCode.BadRequest && hostile.Type == "invalid-body")
                problem.Raw.GetProperty("errors")[0].GetProperty("field").GetString().ShouldStartWith("$", customMessage: "the problem names the field");
        }
        (await WrittenAsync()).ShouldBe(before);
    }

    /// <summary>
    /// A client holding its address's every stream (Chronicle:Notifications:MaxStreamsPerAddress, 20 by default) gets 429
    /// with Retry-After for one more, and nothing is written (issue 12, item 5; the node-wide 503 is in StreamLimitTests).
    /// </summary>
    [Fact]
    public async Task A_stream_beyond_the_per_address_limit_gets_429_too_many_streams_and_writes_nothing()
    {
        var before = await WrittenAsync();
        var held = new List<HttpResponseMessage>();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                var stream = await factory.CreateClient().GetAsync("/api/v1/stream", HttpCompletionOption.ResponseHeadersRead);
                held.Add(stream);
                stream.StatusCode.ShouldBe(HttpStatusCode.OK);
            }

            var refused = await factory.CreateClient().GetAsync("/api/v1/stream?from=0", HttpCompletionOption.ResponseHeadersRead);

            SecurityHeaders.ShouldBeOn(refused);
            var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too-many-streams");
            problem.RequestId.ShouldNotBeNullOrWhiteSpace();
            refused.Headers.RetryAfter.ShouldNotBeNull();
        }
        finally
        {
            foreach (var stream in held) stream.Dispose();
        }
        (await WrittenAsync()).ShouldBe(before);
    }

    /// <summary>Everything a request could have written: events (the head position), API keys and subscriptions, as the API lists them.</summary>
    private async Task<string> WrittenAsync()
    {
        var admin = factory.CreateAdminClient();
        var keys = (await admin.GetJsonAsync("/api/v1/admin/keys")).GetArrayLength();
        var subscriptions = (await admin.GetJsonAsync("/api/v1/subscriptions")).GetArrayLength();
        return $"position {await factory.HeadPositionAsync()}, {keys} keys, {subscriptions} subscriptions";
    }

    [Fact]
    public async Task An_oversized_body_without_a_content_length_is_cut_off_with_413()
    {
        var before = await factory.HeadPositionAsync();
        var content = new StreamContent(new ChunkedJson(400 * 1024));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + ChronicleApiFactory.EditorKey);
        request.Headers.TransferEncodingChunked = true;

        var response = await factory.CreateClient().SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        (await factory.HeadPositionAsync()).ShouldBe(before);
    }

    /// <summary>A JSON body of unknown length: a string field padded to the given size.</summary>
    private sealed class ChunkedJson(int size) : MemoryStream(Encoding.UTF8.GetBytes(
        "{\"type\":\"MembershipSuspended\",\"data\":{\"note\":\"" + new string('z', size) + "\"}}"))
    {
        public override bool CanSeek => false;
    }
}
