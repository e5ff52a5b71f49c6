using Marten;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// One row to insert into a projection table, queued on Marten's unit of work so it commits with the events (inline)
/// or with the daemon's progress (rebuild). Every value is a parameter, cast to its column's type.
/// </summary>
internal sealed class Row(string table)
{
    private readonly List<string> _columns = new(12);
    private readonly List<string> _casts = new(12);
    private readonly List<object?> _values = new(12);

    public Row Text(string column, string? value) => Add(column, value, "text");
    public Row Uuid(string column, Guid? value) => Add(column, value, "uuid");
    public Row Bigint(string column, long value) => Add(column, value, "bigint");
    public Row Instant(string column, DateTimeOffset value) => Add(column, value.ToUniversalTime(), "timestamptz");
    public Row Date(string column, DateOnly? value) => Add(column, value, "date");
    public Row TextArray(string column, IReadOnlyList<string>? values) => Add(column, values?.ToArray(), "text[]");

    public string Table => table;
    public IReadOnlyList<string> Columns => _columns;
    public IReadOnlyList<string> Casts => _casts;
    public IReadOnlyList<object?> Values => _values;

    /// <summary>A row with an array column cannot join an unnest insert of its table (<see cref="PendingRows"/>).</summary>
    public bool HasArrayColumn { get; private set; }

    public void Queue(IDocumentOperations operations, string schema) =>
        operations.QueueSqlCommand(
            $"INSERT INTO {schema}.{table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _casts.Select(c => "?::" + c))})",
            _values.ToArray()!);

    private Row Add(string column, object? value, string cast)
    {
        HasArrayColumn |= cast.EndsWith("[]", StringComparison.Ordinal);
        _columns.Add(column);
        _casts.Add(cast);
        _values.Add(value);
        return this;
    }
}
