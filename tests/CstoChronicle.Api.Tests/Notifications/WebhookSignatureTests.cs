using CstoChronicle.Api.Notifications.Webhooks;
using Microsoft.AspNetCore.Http;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace CstoChronicle.Api.Tests.Notifications;

public sealed class WebhookSignatureTests
{
    // The example of the Standard Webhooks specification.
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string MessageId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";

    [Fact]
    public void Signing_matches_the_specification_example() =>
        WebhookSignature.Sign(Secret, MessageId, Timestamp, Body).ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

    [Fact]
    public void Verification_accepts_any_one_of_several_signatures() =>
        WebhookSignature.Verify(Secret, MessageId, Timestamp, Body, "v1,bm9wZQ== v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=").ShouldBeTrue();

    [Theory]
    [InlineData(MessageId, Timestamp + 1, Body)]
    [InlineData("msg_other", Timestamp, Body)]
    [InlineData(MessageId, Timestamp, """{"test": 2432232315}""")]
    public void Verification_refuses_any_change_to_id_timestamp_or_body(string id, long timestamp, string body) =>
        WebhookSignature.Verify(Secret, id, timestamp, body, "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=").ShouldBeFalse();

    [Fact]
    public void The_library_signs_the_specification_example_itself() =>
        new StandardWebhook(Secret).Sign(MessageId, DateTimeOffset.FromUnixTimeSeconds(Timestamp), Body)
            .ShouldBe("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");

    /// <summary>Why our own Verify stays (decision 0504): StandardWebhooks 1.1.2 looks at the first signature only.</summary>
    [Fact]
    public void The_library_refuses_a_valid_signature_that_is_not_the_first_of_the_header_and_ours_accepts_it()
    {
        var now = DateTimeOffset.UtcNow;
        var valid = WebhookSignature.Sign(Secret, MessageId, now.ToUnixTimeSeconds(), Body);
        var header = "v1,bm9wZQ== " + valid;
        var headers = new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = MessageId,
            [WebhookSignature.TimestampHeader] = now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [WebhookSignature.SignatureHeader] = header,
        };

        Should.Throw<WebhookVerificationException>(() => new StandardWebhook(Secret).Verify(Body, headers));
        WebhookSignature.Verify(Secret, MessageId, now.ToUnixTimeSeconds(), Body, header).ShouldBeTrue();
    }

    [Fact]
    public void Generated_secrets_are_whsec_and_32_random_bytes()
    {
        var (one, two) = (WebhookSecret.Generate(), WebhookSecret.Generate());
        one.ShouldStartWith("whsec_");
        WebhookSecret.KeyOf(one).Length.ShouldBe(32);
        one.ShouldNotBe(two);
    }
}
