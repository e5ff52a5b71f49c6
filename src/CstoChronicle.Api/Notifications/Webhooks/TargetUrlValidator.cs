using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// Checks a webhook target when a subscription is created: an absolute http(s) URL without credentials whose
/// host (an address, or a name resolved now) is public, unless private targets are allowed, on an allowed port (80 or 443 unless configured). The transport
/// checks the address again when it connects, since a name may resolve elsewhere later.
/// </summary>
public sealed class TargetUrlValidator(IOptions<WebhookSettings> settings)
{
    private const int MaxLength = 2048;

    /// <summary>Null when the target is acceptable, else why not.</summary>
    public async Task<string?> ValidateAsync(string? target, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(target)) return "is required.";
        if (target.Length > MaxLength) return $"is longer than {MaxLength} characters.";
        if (!Uri.TryCreate(target, UriKind.Absolute, out var uri)) return "is not an absolute URL.";
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return "must be an http or https URL.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "must not carry credentials; use the signing secret to authenticate deliveries.";
        if (!string.IsNullOrEmpty(uri.Fragment)) return "must not have a fragment.";
        if (!settings.Value.AllowsPort(uri.Port)) return $"must use an allowed port ({settings.Value.AllowedPorts}), not {uri.Port}.";
        if (settings.Value.AllowPrivateTargets) return null;

        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal))
            addresses = [literal];
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
            }
            catch (SocketException)
            {
                return $"names a host that does not resolve ('{uri.IdnHost}').";
            }
        }
        if (addresses.Length == 0) return $"names a host that does not resolve ('{uri.IdnHost}').";
        return addresses.All(PublicAddress.IsPublic)
            ? null
            : "must be on a public address, not a private, loopback, link-local or metadata one.";
    }
}
