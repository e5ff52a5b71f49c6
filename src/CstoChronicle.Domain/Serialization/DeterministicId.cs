using System.Security.Cryptography;
using System.Text;

namespace CstoChronicle.Domain.Serialization;

/// <summary>
/// Name-based UUIDs (RFC 4122 version 5: SHA-1 of a namespace and a name). The same slug always gives the same
/// event id, so importing the dataset again appends nothing: the store treats a known event id as a replay.
/// </summary>
public static class DeterministicId
{
    /// <summary>The chronicle's own namespace; never change it, or every dataset event gets a new id.</summary>
    public static readonly Guid ChronicleNamespace = new("5d3c6f0e-7a51-4c1b-9e8f-c5a0d2b4e613");

    /// <summary>The event id of a dataset fact, from its slug (<c>uzb-membership-suspended-2012-12-19</c>).</summary>
    public static Guid ForDatasetEvent(string slug) => Create(ChronicleNamespace, "event/" + slug);

    /// <summary>The id of the <c>SourceRegistered</c> event of a source.</summary>
    public static Guid ForSourceRegistration(string sourceId) => Create(ChronicleNamespace, "source/" + sourceId);

    public static Guid Create(Guid namespaceId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[16 + nameBytes.Length];
        namespaceId.TryWriteBytes(input, bigEndian: true, out _);
        nameBytes.CopyTo(input, 16);

        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        var uuid = hash[..16];
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }
}
