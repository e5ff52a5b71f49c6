using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace CstoChronicle.Domain.Queries;

/// <summary>
/// Opaque keyset cursors: base64url of a tagged key, so a cursor of one listing is refused by another.
/// The timeline's key is (earliest, latest, position) of the last item; the audit's the last position.
/// </summary>
internal static class Cursors
{
    private const string TimelineTag = "t1";
    private const string AuditTag = "a1";

    public static string Timeline(DateOnly earliest, DateOnly latest, long position) =>
        Encode(TimelineTag, earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), latest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            position.ToString(CultureInfo.InvariantCulture));

    public static (DateOnly Earliest, DateOnly Latest, long Position) ReadTimeline(string cursor)
    {
        var parts = Decode(cursor, TimelineTag, 3);
        return DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var earliest)
            && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var latest)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
                ? (earliest, latest, position)
                : throw new InvalidCursorException(cursor);
    }

    public static string Audit(long position) => Encode(AuditTag, position.ToString(CultureInfo.InvariantCulture));

    public static long ReadAudit(string cursor)
    {
        var parts = Decode(cursor, AuditTag, 1);
        return long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var position)
            ? position
            : throw new InvalidCursorException(cursor);
    }

    private static string Encode(params string[] parts) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));

    private static string[] Decode(string cursor, string tag, int count)
    {
        string text;
        try { text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor)); }
        catch (FormatException) { throw new InvalidCursorException(cursor); }
        var parts = text.Split('|');
        return parts.Length == count + 1 && parts[0] == tag ? parts[1..] : throw new InvalidCursorException(cursor);
    }
}
