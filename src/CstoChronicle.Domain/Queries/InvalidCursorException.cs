namespace CstoChronicle.Domain.Queries;

/// <summary>A paging cursor that this service did not issue (or issued for another listing).</summary>
public sealed class InvalidCursorException(string cursor)
    : Exception($"'{cursor}' is not a valid cursor: pass the nextCursor of a previous page unchanged.")
{
    public string Cursor { get; } = cursor;
}
