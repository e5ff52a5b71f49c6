using CstoChronicle.EventStore;
using Npgsql;

namespace CstoChronicle.Domain.Projections;

/// <summary>
/// Rows waiting to be inserted, sent in one round trip per flush: a batch of appended events costs a few round
/// trips instead of three or four per event.
/// </summary>
internal sealed class RowBatch
{
    private const int MaxCommandsPerRoundTrip = 2000;
    private readonly List<Row> _rows = [];

    public void Add(Row row) => _rows.Add(row);

    public void AddRange(IEnumerable<Row> rows) => _rows.AddRange(rows);

    public async Task FlushAsync(ProjectionContext context, CancellationToken ct)
    {
        foreach (var chunk in _rows.Chunk(MaxCommandsPerRoundTrip))
        {
            await using var batch = new NpgsqlBatch(context.Connection, context.Transaction);
            foreach (var row in chunk) batch.BatchCommands.Add(row.ToBatchCommand(context.Schema));
            await batch.ExecuteNonQueryAsync(ct);
        }
        _rows.Clear();
    }
}
