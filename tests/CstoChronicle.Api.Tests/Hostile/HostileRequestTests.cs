using System.Net;
using System.Text;
using CstoChronicle.Api.Tests.Infrastructure;

namespace CstoChronicle.Api.Tests.Hostile;

public sealed class HostileRequestTests(ChronicleApiFactory factory) : IClassFixture<ChronicleApiFactory>
{
    public static TheoryData<HostileRequest> Table => new(HostileRequests.All());

    [Fact]
    public void The_table_holds_at_least_forty_requests() => HostileRequests.All().Count().ShouldBeGreaterThanOrEqualTo(40);

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Each_gets_its_status_and_problem_type_and_writes_nothing(HostileRequest hostile)
    {
        var before = await factory.HeadPositionAsync();
        var request = new HttpRequestMessage(new HttpMethod(hostile.Method), hostile.Path);
        if (hostile.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(hostile.Body));
            if (hostile.ContentType is not null) request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
        }
        var key = hostile.Key switch
        {
            "editor" => ChronicleApiFactory.EditorKey,
            "none" => null,
            var other => other,
        };
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);
        foreach (var (name, value) in hostile.Headers ?? []) request.Headers.TryAddWithoutValidation(name, value);

        var response = await factory.CreateClient().SendAsync(request);

        if (hostile.Type is null)
            response.StatusCode.ShouldBe(hostile.Status, await response.Content.ReadAsStringAsync());
        else
        {
            var problem = await response.ShouldBeProblemAsync(hostile.Status, hostile.Type);
            problem.Detail.ShouldNotBeNullOrWhiteSpace();
            problem.RequestId.ShouldNotBeNullOrWhiteSpace();
        }
        (await factory.HeadPositionAsync()).ShouldBe(before);
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
