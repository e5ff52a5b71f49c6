using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Settled;
using CstoChronicle.Domain.Sources;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    private const string TimelineRowColumns =
        "t.event_id, t.written_by, t.position, t.on_text, t.rank, t.type, t.stream_id, t.title, t.recorded_at, t.earliest, t.latest, " +
        "least(t.superseded_position, t.retracted_position)";

    /// <summary>
    /// The rows of chr_timeline a <see cref="TimelineIndex"/> needs to move from the settled position
    /// <paramref name="after"/> (0: from nothing) to the settled position <paramref name="upTo"/>: every row written in
    /// between and, when <paramref name="after"/> is past 0, the rows written before whose facts were corrected or
    /// retracted in between, with their ending. By the log's positions (chr_log), never by a scan of the timeline.
    /// </summary>
    public async Task<IReadOnlyList<TimelineRow>> TimelineRowsAsync(long after, long upTo, CancellationToken ct = default)
    {
        var sql = after == 0
            ? $"SELECT {TimelineRowColumns} FROM {{schema}}.chr_timeline AS t WHERE t.position <= $1"
            : $$"""
              SELECT {{TimelineRowColumns}} FROM {schema}.chr_log AS l JOIN {schema}.chr_timeline AS t ON t.written_by = l.event_id
               WHERE l.position > $1 AND l.position <= $2
              UNION ALL
              SELECT {{TimelineRowColumns}} FROM {schema}.chr_log AS l JOIN {schema}.chr_timeline AS t ON t.event_id = l.target
               WHERE l.position > $1 AND l.position <= $2 AND t.position <= $1
              """;
        await using var snapshot = await ReadSnapshot.OpenAtAsync(dataSource, _schema, upTo, ct);
        await using var command = after == 0 ? snapshot.Command(sql, Sql.Number(upTo)) : snapshot.Command(sql, Sql.Number(after), Sql.Number(upTo));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<TimelineRow>();
        // Dates, types and entities repeat across rows (a day has many facts; a stream many events): one object each.
        var dates = new Dictionary<string, HistoricalDate>(StringComparer.Ordinal);
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        string Shared(string name) => names.TryGetValue(name, out var kept) ? kept : names[name] = name;
        while (await reader.ReadAsync(ct))
        {
            var onText = reader.GetString(3);
            if (!dates.TryGetValue(onText, out var on)) dates[onText] = on = HistoricalDate.Parse(onText);
            rows.Add(new TimelineRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), on, Enum.Parse<ClaimRank>(reader.GetString(4)),
                Shared(reader.GetString(5)), Shared(reader.GetString(6)), reader.GetString(7), reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetFieldValue<DateOnly>(9), reader.GetFieldValue<DateOnly>(10), reader.IsDBNull(11) ? long.MaxValue : reader.GetInt64(11)));
        }
        return rows;
    }
}
