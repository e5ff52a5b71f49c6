using System.Net;
using System.Net.Sockets;

namespace CstoChronicle.Api.Notifications.Webhooks;

/// <summary>
/// Whether an address is on the public internet: webhooks must not reach into the service's own network
/// (private, loopback, link-local, unique-local, carrier-grade NAT, cloud metadata, multicast, reserved), nor
/// through a tunnel or translator that could lead there (IPv4-translated ::ffff:0:0:0/96, Teredo and the other IETF
/// protocol assignments in 2001::/23, the 6to4 relay 192.88.99.0/24). Of IPv6 only global unicast (2000::/3) is public.
/// </summary>
public static class PublicAddress
{
    private static readonly (IPAddress Network, int PrefixLength)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.0.2.0"), 24),
        (IPAddress.Parse("192.88.99.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("198.51.100.0"), 24),
        (IPAddress.Parse("203.0.113.0"), 24),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
    ];

    private static readonly (IPAddress Network, int PrefixLength)[] BlockedV6 =
    [
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("::ffff:0:0:0"), 96),
        (IPAddress.Parse("64:ff9b:1::"), 48),
        (IPAddress.Parse("100::"), 64),
        (IPAddress.Parse("2001::"), 23),
        (IPAddress.Parse("2001:db8::"), 32),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    private static readonly IPAddress GlobalUnicast = IPAddress.Parse("2000::");

    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily is not (AddressFamily.InterNetwork or AddressFamily.InterNetworkV6)) return false;
        if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && IsEmbeddingIPv4(address, out var embedded))
            return IsPublic(embedded);
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !InRange(address, GlobalUnicast, 3)) return false;
        var blocked = address.AddressFamily == AddressFamily.InterNetwork ? BlockedV4 : BlockedV6;
        return !blocked.Any(range => InRange(address, range.Network, range.PrefixLength));
    }

    /// <summary>NAT64 (64:ff9b::/96), IPv4-compatible (::/96, deprecated but still routed by some stacks) and 6to4 (2002::/16) addresses reach the IPv4 address they carry.</summary>
    private static bool IsEmbeddingIPv4(IPAddress address, out IPAddress embedded)
    {
        var bytes = address.GetAddressBytes();
        if (InRange(address, IPAddress.Parse("64:ff9b::"), 96) || InRange(address, IPAddress.IPv6Any, 96))
        {
            embedded = new IPAddress(bytes[12..16]);
            return true;
        }
        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            embedded = new IPAddress(bytes[2..6]);
            return true;
        }
        embedded = address;
        return false;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefixLength)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var fullBytes = prefixLength / 8;
        for (var i = 0; i < fullBytes; i++)
            if (a[i] != n[i]) return false;
        var remainingBits = prefixLength % 8;
        if (remainingBits == 0) return true;
        var mask = (byte)(0xFF << (8 - remainingBits));
        return (a[fullBytes] & mask) == (n[fullBytes] & mask);
    }
}
