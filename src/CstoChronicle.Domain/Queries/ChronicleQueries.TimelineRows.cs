using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Settled;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    /// <summary>
    /// The rows of chr_timeline a <see cref="TimelineIndex"/> needs to move from the settled position
    /// <paramref name="after"/> (0: from nothing) to the settled position <paramref name="upTo"/>: every row written in
    /// between and, when <paramref name="after"/> is past 0, the rows written before whose facts were corrected or
    /// retracted in between, with their ending. By the log's positions (chr_log), never by a scan of the timeline.
    /// </summary>
    public async Task<IReadOnlyList<TimelineRow>> TimelineRowsAsync(long after, long upTo, CancellationToken ct = default)
    {
        var sql = after == 0
            ? $"SELECT {TimelineRow.Columns} FROM {{schema}}.chr_timeline WHERE position <= $1"
            : $$"""
              SELECT {{TimelineRow.Columns}} FROM {schema}.chr_timeline
               WHERE written_by IN (SELECT event_id FROM {schema}.chr_log WHERE position > $1 AND position <= $2)
              UNION ALL
              SELECT {{TimelineRow.Columns}} FROM {schema}.chr_timeline
               WHERE position <= $1 AND event_id IN (SELECT target FROM {schema}.chr_log WHERE position > $1 AND position <= $2)
              """;
        await using var snapshot = await ReadSnapshot.OpenAtAsync(dataSource, _schema, upTo, ct);
        await using var command = after == 0 ? snapshot.Command(sql, Sql.Number(upTo)) : snapshot.Command(sql, Sql.Number(after), Sql.Number(upTo));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TimelineRow>();
        // Dates, types and entities repeat across rows (a day has many facts; a stream many events): one object each.
        var dates = new Dictionary<string, HistoricalDate>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        HistoricalDate DateOf(string text) => dates.TryGetValue(text, out var kept) ? kept : dates[text] = HistoricalDate.Parse(text);
        string NameOf(string name) => names.TryGetValue(name, out var kept) ? kept : names[name] = name;
        while (await reader.ReadAsync(ct)) rows.Add(TimelineRow.Read(reader, DateOf, NameOf));
        return rows;
    }
}
