using System.Security.Cryptography;
using System.Text;

namespace CstoChronicle.Api.Security;

/// <summary>Making API keys and hashing them: only the SHA-256 of a key is ever stored or configured.</summary>
public static class ApiKeyText
{
    public const string Prefix = "csto_";

    /// <summary>Keys are 256 random bits, URL-safe base64, with a prefix that secret scanners can spot.</summary>
    public static string NewKey() =>
        Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>Lower-case hex SHA-256 of the key's UTF-8 text.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static bool HashesEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a.ToLowerInvariant()), Encoding.ASCII.GetBytes(b.ToLowerInvariant()));
}
