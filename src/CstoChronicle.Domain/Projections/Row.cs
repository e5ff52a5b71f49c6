using Marten;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// One row to insert into a projection table, queued on Marten's unit of work so it commits with the events (inline)
/// or with the daemon's progress (rebuild). Every value is a parameter, cast to its column's type.
/// </summary>
internal sealed class Row(string table)
{
    private readonly List<string> _columns = [];
    private readonly List<string> _casts = [];
    private readonly List<object?> _values = [];

    public Row Text(string column, string? value) => Add(column, value, "text");
    public Row Uuid(string column, Guid? value) => Add(column, value, "uuid");
    public Row Bigint(string column, long value) => Add(column, value, "bigint");
    public Row Instant(string column, DateTimeOffset value) => Add(column, value.ToUniversalTime(), "timestamptz");
    public Row Date(string column, DateOnly? value) => Add(column, value, "date");
    public Row Jsonb(string column, string value) => Add(column, value, "jsonb");
    public Row TextArray(string column, IReadOnlyList<string>? values) => Add(column, values?.ToArray(), "text[]");

    public string Table => table;
    public IReadOnlyList<string> Columns => _columns;
    public IReadOnlyList<string> Casts => _casts;
    public IReadOnlyList<object?> Values => _values;

    /// <summary>Rows of one table with the same columns, none of them an array, can be inserted together (<see cref="PendingRows"/>).</summary>
    public string? BatchKey => _casts.Any(c => c.EndsWith("[]", StringComparison.Ordinal)) ? null : table + ":" + string.Join(",", _columns);

    public void Queue(IDocumentOperations operations, string schema) =>
        operations.QueueSqlCommand(
            $"INSERT INTO {schema}.{table} ({string.Join(", ", _columns)}) VALUES ({string.Join(", ", _casts.Select(c => "?::" + c))})",
            _values.ToArray()!);

    private Row Add(string column, object? value, string cast)
    {
        _columns.Add(column);
        _casts.Add(cast);
        _values.Add(value);
        return this;
    }
}
