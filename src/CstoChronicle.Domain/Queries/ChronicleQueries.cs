using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Store;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using Npgsql;

namespace CstoChronicle.Domain.Queries;

/// <summary>
/// The chronicle's read side. Every query reads the projection tables (never the event log) in one snapshot and
/// echoes its basis. asOf is a historical day (default: today); knownAt a recorded instant (default: everything
/// recorded, reported as now): a past knownAt answers what the service said then, before later corrections.
/// A point-in-time query reads all claims of its own kind, also those after asOf: a preferred claim dated later
/// still outranks a normal one of the same fact. Its cost follows the claims of that kind, not the log.
/// </summary>
public sealed partial class ChronicleQueries(NpgsqlDataSource dataSource, string schema, TimeProvider time)
{
    // Checked once here: it goes into the text of every statement.
    private readonly string _schema = SchemaName.Validate(schema);

    public async Task<MembersAnswer> MembersAsync(DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        var claims = await ClaimReader.MembershipAsync(snapshot, ct);
        return new MembersAnswer(Basis(snapshot, day, knownAt), MembershipFold.MembersOn(claims, day));
    }

    public async Task<SecretaryGeneralAnswer> SecretaryGeneralAsync(DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        var claims = await ClaimReader.SecretaryGeneralAsync(snapshot, ct);
        return new SecretaryGeneralAnswer(Basis(snapshot, day, knownAt), SecretaryGeneralFold.HolderOn(claims, day));
    }

    /// <summary>The holder of one office on a day; <paramref name="office"/> must be one of <see cref="Offices.All"/>.</summary>
    public async Task<OfficeAnswer> OfficeAsync(string office, DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (!Offices.IsKnown(office)) throw new ArgumentException($"'{office}' is not an office the chronicle records.", nameof(office));
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        return new OfficeAnswer(Basis(snapshot, day, knownAt), await StandingAsync(snapshot, office, day, ct));
    }

    /// <summary>Every office (<see cref="Offices.All"/>) and its holder on a day, read in one snapshot.</summary>
    public async Task<OfficesAnswer> OfficesAsync(DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        var offices = new List<OfficeStanding>();
        foreach (var office in Offices.All) offices.Add(await StandingAsync(snapshot, office, day, ct));
        return new OfficesAnswer(Basis(snapshot, day, knownAt), offices);
    }

    private static async Task<OfficeStanding> StandingAsync(ReadSnapshot snapshot, string office, DateOnly day, CancellationToken ct) =>
        new(office, Offices.NameOf(office), SecretaryGeneralFold.HolderOn(await ClaimReader.OfficeAsync(snapshot, office, ct), day));

    public async Task<ChairmanshipAnswer> ChairmanshipAsync(DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        var claims = await ClaimReader.ChairmanshipAsync(snapshot, ct);
        return new ChairmanshipAnswer(Basis(snapshot, day, knownAt), ChairmanshipFold.ChairOn(claims, day));
    }

    public async Task<BodiesAnswer> BodiesAsync(DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        var claims = await ClaimReader.BodiesAsync(snapshot, ct);
        return new BodiesAnswer(Basis(snapshot, day, knownAt), BodiesFold.BodiesOn(claims, day));
    }

    public async Task<DocumentsAnswer> DocumentsAsync(DateOnly? asOf = null, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        var day = asOf ?? Today;
        await using var snapshot = await OpenAsync(knownAt, ct);
        var claims = await ClaimReader.DocumentsAsync(snapshot, ct);
        var membership = await ClaimReader.MembershipAsync(snapshot, ct);
        return new DocumentsAnswer(Basis(snapshot, day, knownAt), DocumentsFold.DocumentsOn(claims, membership, day));
    }

    /// <summary>Changes in membership, the office of Secretary General and the chairmanship from <paramref name="from"/> to <paramref name="to"/> inclusive.</summary>
    public async Task<ChangesAnswer> ChangesAsync(DateOnly from, DateOnly to, DateTimeOffset? knownAt = null, CancellationToken ct = default)
    {
        if (to < from) throw new ArgumentException($"The end {to:yyyy-MM-dd} is before the start {from:yyyy-MM-dd}.", nameof(to));
        await using var snapshot = await OpenAsync(knownAt, ct);
        var membership = await ClaimReader.MembershipAsync(snapshot, ct);
        var office = await ClaimReader.SecretaryGeneralAsync(snapshot, ct);
        var chair = await ClaimReader.ChairmanshipAsync(snapshot, ct);
        return new ChangesAnswer(Basis(snapshot, null, knownAt), from, to, ChangesFold.Between(membership, office, chair, from, to));
    }

    private DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private Task<ReadSnapshot> OpenAsync(DateTimeOffset? knownAt, CancellationToken ct) => ReadSnapshot.OpenAsync(dataSource, _schema, knownAt, ct);

    private QueryBasis Basis(ReadSnapshot snapshot, DateOnly? asOf, DateTimeOffset? knownAt) =>
        new(asOf, (knownAt ?? time.GetUtcNow()).ToUniversalTime(), snapshot.Position);
}
