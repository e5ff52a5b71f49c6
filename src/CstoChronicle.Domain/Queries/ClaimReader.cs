using CstoChronicle.Domain.Dates;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Projections.Claims;
using CstoChronicle.Domain.Projections.Schema;
using CstoChronicle.Domain.Sources;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

/// <summary>Reads the claims a query at knownAt sees from one claim table.</summary>
internal static class ClaimReader
{
    public static Task<List<MembershipClaim>> MembershipAsync(ReadSnapshot snapshot, CancellationToken ct) =>
        ReadAsync(snapshot, ChronicleTables.MembershipName, "state, change",
            (r, v) => new MembershipClaim(v, r.GetString(5), Enum.Parse<MembershipChange>(r.GetString(6))), ct);

    public static Task<List<OfficeClaim>> SecretaryGeneralAsync(ReadSnapshot snapshot, CancellationToken ct) =>
        OfficeAsync(snapshot, Offices.SecretaryGeneral, ct);

    /// <summary>The claims about one office (<see cref="Offices"/>).</summary>
    public static Task<List<OfficeClaim>> OfficeAsync(ReadSnapshot snapshot, string office, CancellationToken ct) =>
        ReadAsync(snapshot, ChronicleTables.SecretaryGeneralName, "change, person_id, name, state, term_ends_text, office",
            (r, v) => new OfficeClaim(v, Enum.Parse<OfficeChange>(r.GetString(5)), r.GetString(6), Text(r, 7), Text(r, 8),
                Text(r, 9) is { } termEnds ? HistoricalDate.Parse(termEnds) : null, r.GetString(10)), ct,
            "office = $2", Sql.Text(office));

    public static Task<List<ChairClaim>> ChairmanshipAsync(ReadSnapshot snapshot, CancellationToken ct) =>
        ReadAsync(snapshot, ChronicleTables.ChairmanshipName, "state", (r, v) => new ChairClaim(v, r.GetString(5)), ct);

    public static Task<List<BodyClaim>> BodiesAsync(ReadSnapshot snapshot, CancellationToken ct) =>
        ReadAsync(snapshot, ChronicleTables.BodiesName, "body, change, name, kind",
            (r, v) => new BodyClaim(v, r.GetString(5), Enum.Parse<BodyChange>(r.GetString(6)), Text(r, 7), Text(r, 8)), ct);

    public static Task<List<DocumentClaim>> DocumentsAsync(ReadSnapshot snapshot, CancellationToken ct) =>
        ReadAsync(snapshot, ChronicleTables.DocumentsName, "document, change, title, kind, place, state, states",
            (r, v) => new DocumentClaim(v, r.GetString(5), Enum.Parse<DocumentChange>(r.GetString(6)), Text(r, 7), Text(r, 8), Text(r, 9), Text(r, 10),
                r.IsDBNull(11) ? null : r.GetFieldValue<string[]>(11)), ct);

    /// <summary>
    /// The <see cref="ClaimVersion"/> in the first columns of a row selected with <see cref="ClaimColumns.Select"/>; its date
    /// read by <paramref name="dateOf"/> when given (one that shares equal dates), else parsed.
    /// </summary>
    public static ClaimVersion Version(NpgsqlDataReader reader, Func<string, HistoricalDate>? dateOf = null) => new(
        reader.GetGuid(0), reader.GetGuid(1), reader.GetInt64(2), (dateOf ?? HistoricalDate.Parse)(reader.GetString(3)),
        Enum.Parse<ClaimRank>(reader.GetString(4)));

    public static string? Text(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static async Task<List<T>> ReadAsync<T>(
        ReadSnapshot snapshot, string table, string columns,
        Func<NpgsqlDataReader, ClaimVersion, T> read, CancellationToken ct,
        string? filter = null, NpgsqlParameter? filterParameter = null)
    {
        await using var command = snapshot.Command(
            $"SELECT {ClaimColumns.Select}, {columns} FROM {{schema}}.{table} WHERE {ClaimColumns.KnownAt("$1")}" +
            (filter is null ? "" : $" AND {filter}"),
            filterParameter is null ? [Sql.Number(snapshot.KnownPosition)] : [Sql.Number(snapshot.KnownPosition), filterParameter]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var claims = new List<T>();
        while (await reader.ReadAsync(ct)) claims.Add(read(reader, Version(reader)));
        return claims;
    }
}
