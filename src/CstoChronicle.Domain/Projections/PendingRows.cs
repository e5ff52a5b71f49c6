using Marten;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Rows waiting to be inserted, queued on Marten's unit of work as one <c>INSERT ... SELECT FROM unnest(...)</c> per
/// table (every column one array parameter): a page of a rebuild costs a few statements, not three per event.
/// Corrections and retractions update earlier rows, so the projection flushes before them.
/// </summary>
internal sealed class PendingRows
{
    // Insertion-ordered groups of rows with the same table and columns; rows holding an array column go one by one.
    private readonly Dictionary<Row, List<Row>> _byShape = new(SameShape.Instance);
    private readonly List<Row> _single = [];

    public void Add(Row row)
    {
        if (row.HasArrayColumn)
        {
            _single.Add(row);
            return;
        }
        if (!_byShape.TryGetValue(row, out var rows)) _byShape.Add(row, rows = []);
        rows.Add(row);
    }

    public void AddRange(IEnumerable<Row> rows)
    {
        foreach (var row in rows) Add(row);
    }

    public void Flush(IDocumentOperations operations, string schema)
    {
        foreach (var rows in _byShape.Values)
        {
            if (rows.Count == 1)
            {
                rows[0].Queue(operations, schema);
                continue;
            }
            var first = rows[0];
            var arrays = new object[first.Columns.Count];
            for (var column = 0; column < arrays.Length; column++) arrays[column] = Column(first.Casts[column], rows, column);
            operations.QueueSqlCommand(
                $"INSERT INTO {schema}.{first.Table} ({string.Join(", ", first.Columns)}) " +
                $"SELECT * FROM unnest({string.Join(", ", first.Casts.Select(c => $"?::{c}[]"))})",
                arrays);
        }
        foreach (var row in _single) row.Queue(operations, schema);
        _byShape.Clear();
        _single.Clear();
    }

    /// <summary>One column's values as a typed array, so that Npgsql sends it as that array type, nulls included.</summary>
    private static object Column(string cast, List<Row> rows, int column) => cast switch
    {
        "text" => Values<string>(rows, column),
        "uuid" => Values<Guid?>(rows, column),
        "bigint" => Values<long?>(rows, column),
        "timestamptz" => Values<DateTimeOffset?>(rows, column),
        "date" => Values<DateOnly?>(rows, column),
        _ => throw new ArgumentOutOfRangeException(nameof(cast), cast, "no array type for this column type"),
    };

    private static T?[] Values<T>(List<Row> rows, int column)
    {
        var values = new T?[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = (T?)rows[i].Values[column];
        return values;
    }

    /// <summary>Rows of one table with the same columns in the same order (column names are literals, so mostly the same strings).</summary>
    private sealed class SameShape : IEqualityComparer<Row>
    {
        public static readonly SameShape Instance = new();

        public bool Equals(Row? x, Row? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.Table == y.Table && x.Columns.SequenceEqual(y.Columns));

        public int GetHashCode(Row row) => HashCode.Combine(row.Table, row.Columns.Count);
    }
}
