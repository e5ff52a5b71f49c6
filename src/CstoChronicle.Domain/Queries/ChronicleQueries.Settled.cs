using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.PointInTime;
using CstoChronicle.Domain.Queries.Settled;

namespace CstoChronicle.Domain.Queries;

public sealed partial class ChronicleQueries
{
    /// <summary>The high-water mark a knownAt instant resolves to (decision 0004): the position a query at it reads at.</summary>
    public Task<long> ResolveKnownAtAsync(DateTimeOffset knownAt, CancellationToken ct = default) =>
        ReadSnapshot.ResolveAsync(dataSource, _schema, knownAt, ct);

    /// <summary>Membership at a settled <paramref name="position"/> (a high-water mark), for every asOf.</summary>
    public async Task<PointInTimeView<IReadOnlyList<Member>>> MembershipViewAsync(long position, CancellationToken ct = default)
    {
        await using var snapshot = await ReadSnapshot.OpenAtAsync(dataSource, _schema, position, ct);
        var claims = await ClaimReader.MembershipAsync(snapshot, ct);
        var dates = claims.GroupBy(c => c.State).SelectMany(MembershipFold.Transitions).Select(t => t.On);
        return PointInTimeView<IReadOnlyList<Member>>.Build(position, dates, day => MembershipFold.MembersOn(claims, day));
    }

    /// <summary>The office of Secretary General at a settled <paramref name="position"/>, for every asOf.</summary>
    public Task<PointInTimeView<OfficeHolder?>> SecretaryGeneralViewAsync(long position, CancellationToken ct = default) =>
        OfficeViewAsync(Offices.SecretaryGeneral, position, ct);

    /// <summary>One office (<see cref="Offices.All"/>) at a settled <paramref name="position"/>, for every asOf.</summary>
    public async Task<PointInTimeView<OfficeHolder?>> OfficeViewAsync(string office, long position, CancellationToken ct = default)
    {
        if (!Offices.IsKnown(office)) throw new ArgumentException($"'{office}' is not an office the chronicle records.", nameof(office));
        await using var snapshot = await ReadSnapshot.OpenAtAsync(dataSource, _schema, position, ct);
        var claims = await ClaimReader.OfficeAsync(snapshot, office, ct);
        return PointInTimeView<OfficeHolder?>.Build(position, SecretaryGeneralFold.Transitions(claims).Select(t => t.On),
            day => SecretaryGeneralFold.HolderOn(claims, day));
    }

    /// <summary>The chairmanship at a settled <paramref name="position"/>, for every asOf.</summary>
    public async Task<PointInTimeView<Chair?>> ChairmanshipViewAsync(long position, CancellationToken ct = default)
    {
        await using var snapshot = await ReadSnapshot.OpenAtAsync(dataSource, _schema, position, ct);
        var claims = await ClaimReader.ChairmanshipAsync(snapshot, ct);
        return PointInTimeView<Chair?>.Build(position, ChairmanshipFold.Transitions(claims).Select(t => t.On),
            day => ChairmanshipFold.ChairOn(claims, day));
    }
}
