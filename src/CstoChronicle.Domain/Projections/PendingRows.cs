using Marten;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Rows waiting to be inserted, queued on Marten's unit of work as one <c>INSERT ... SELECT FROM unnest(...)</c> per
/// table (every column one array parameter): a page of a rebuild costs a few statements, not three per event.
/// Corrections and retractions update earlier rows, so the projection flushes before them.
/// </summary>
internal sealed class PendingRows
{
    private readonly List<Row> _rows = [];

    public void Add(Row row) => _rows.Add(row);

    public void AddRange(IEnumerable<Row> rows) => _rows.AddRange(rows);

    public void Flush(IDocumentOperations operations, string schema)
    {
        foreach (var group in _rows.GroupBy(r => r.BatchKey))
        {
            if (group.Key is null || group.Count() == 1)
            {
                foreach (var row in group) row.Queue(operations, schema);
                continue;
            }
            var rows = group.ToList();
            var first = rows[0];
            var arrays = first.Casts.Select((cast, column) => Column(cast, rows.Select(r => r.Values[column]))).ToArray();
            operations.QueueSqlCommand(
                $"INSERT INTO {schema}.{first.Table} ({string.Join(", ", first.Columns)}) " +
                $"SELECT * FROM unnest({string.Join(", ", first.Casts.Select(c => $"?::{c}[]"))})",
                arrays);
        }
        _rows.Clear();
    }

    /// <summary>One column's values as a typed array, so that Npgsql sends it as that array type, nulls included.</summary>
    private static object Column(string cast, IEnumerable<object?> values) => cast switch
    {
        "text" or "jsonb" => values.Select(v => (string?)v).ToArray(),
        "uuid" => values.Select(v => (Guid?)v).ToArray(),
        "bigint" => values.Select(v => (long?)v).ToArray(),
        "timestamptz" => values.Select(v => (DateTimeOffset?)v).ToArray(),
        "date" => values.Select(v => (DateOnly?)v).ToArray(),
        _ => throw new ArgumentOutOfRangeException(nameof(cast), cast, "no array type for this column type"),
    };
}
