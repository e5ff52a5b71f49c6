using System.Security.Cryptography;
using System.Text;
using StandardWebhooks;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> + base64 HMAC-SHA256 of "{id}.{timestamp}.{body}". Signing is the
/// StandardWebhooks library's; verifying is ours, because the library's compares only the first signature of
/// the header (decision 0504).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string messageId, long timestamp, string body) =>
        new StandardWebhook(secret).Sign(messageId, DateTimeOffset.FromUnixTimeSeconds(timestamp), body);

    /// <summary>True when one of the space-separated signatures in the header matches (compared in constant time).</summary>
    public static bool Verify(string secret, string messageId, long timestamp, string body, string signatureHeader)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, messageId, timestamp, body));
        return signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }
}
