using CstoChronicle.Domain.Queries.Answers;

namespace CstoChronicle.Domain.Queries;

internal static class CitationReader
{
    /// <summary>The citations of each event, in the order the event gives them, with their sources resolved.</summary>
    public static async Task<Dictionary<Guid, List<ResolvedCitation>>> ForEventsAsync(ReadSnapshot snapshot, IReadOnlyCollection<Guid> eventIds, CancellationToken ct)
    {
        var byEvent = new Dictionary<Guid, List<ResolvedCitation>>();
        if (eventIds.Count == 0) return byEvent;

        await using var command = snapshot.Command("""
            SELECT c.event_id, c.source_id, s.title, s.publisher, s.url, s.seed_file, c.locator, c.quote
              FROM {schema}.chr_citations c
              LEFT JOIN {schema}.chr_sources s ON s.source_id = c.source_id
             WHERE c.event_id = ANY($1)
             ORDER BY c.event_id, c.ordinal
            """, Sql.Ids(eventIds));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var eventId = reader.GetGuid(0);
            if (!byEvent.TryGetValue(eventId, out var citations)) byEvent[eventId] = citations = [];
            citations.Add(new ResolvedCitation(reader.GetString(1), ClaimReader.Text(reader, 2), ClaimReader.Text(reader, 3),
                ClaimReader.Text(reader, 4), ClaimReader.Text(reader, 5), ClaimReader.Text(reader, 6), ClaimReader.Text(reader, 7)));
        }
        return byEvent;
    }
}
