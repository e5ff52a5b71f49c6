using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Sources;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    public async Task<SourcesAnswer> SourcesAsync(CancellationToken ct = default)
    {
        await using var snapshot = await OpenAsync(null, ct);
        await using var command = snapshot.Command($"SELECT {SourceColumns} FROM {{schema}}.chr_sources ORDER BY source_id");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var sources = new List<Source>();
        while (await reader.ReadAsync(ct)) sources.Add(ReadSource(reader));
        return new SourcesAnswer(Basis(snapshot, null, null), sources);
    }

    /// <summary>A source and every event citing it, in recorded order; null when no such source is registered.</summary>
    public async Task<SourceAnswer?> SourceAsync(string sourceId, CancellationToken ct = default)
    {
        await using var snapshot = await OpenAsync(null, ct);
        Source? source;
        await using (var command = snapshot.Command($"SELECT {SourceColumns} FROM {{schema}}.chr_sources WHERE source_id = $1", Sql.Text(sourceId)))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            source = await reader.ReadAsync(ct) ? ReadSource(reader) : null;
        if (source is null) return null;

        await using var citing = snapshot.Command("""
            SELECT l.event_id, l.type, l.stream_id, l.on_text, l.title, c.locator, c.quote
              FROM {schema}.chr_citations c
              JOIN {schema}.chr_log l ON l.event_id = c.event_id
             WHERE c.source_id = $1
             ORDER BY l.position, c.ordinal
            """, Sql.Text(sourceId));
        await using var rows = await citing.ExecuteReaderAsync(ct);
        var citedBy = new List<CitingEvent>();
        while (await rows.ReadAsync(ct))
            citedBy.Add(new CitingEvent(rows.GetGuid(0), rows.GetString(1), rows.GetString(2),
                ClaimReader.Text(rows, 3) is { } on ? HistoricalDate.Parse(on) : null,
                ClaimReader.Text(rows, 4), ClaimReader.Text(rows, 5), ClaimReader.Text(rows, 6)));
        return new SourceAnswer(Basis(snapshot, null, null), source, citedBy);
    }

    private const string SourceColumns = "source_id, title, publisher, url, seed_file, published, language";

    private static Source ReadSource(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), ClaimReader.Text(reader, 2), ClaimReader.Text(reader, 3),
        ClaimReader.Text(reader, 4), ClaimReader.Text(reader, 5), reader.GetString(6));
}
