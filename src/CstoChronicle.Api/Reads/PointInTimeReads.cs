using System.Collections.Concurrent;
using CstoChronicle.Domain.Events;
using CstoChronicle.Domain.Queries;
using CstoChronicle.Domain.Queries.Answers;
using CstoChronicle.Domain.Queries.Settled;
using Microsoft.Extensions.Options;

namespace CstoChronicle.Api.Reads;

/// <summary>An answer and the basis it was read at.</summary>
public sealed record PointInTimeRead<T>(T Answer, DateTimeOffset KnownAt, long Position);

/// <summary>
/// Routes point-in-time reads (members, the Secretary General, the chair, the timeline). A settled position (a high-water
/// mark) fixes every answer, so the views at it are built once and kept (docs/decisions/0104):
/// <list type="bullet">
/// <item>knownAt given: resolved on the primary (a past instant once, then remembered: it can never resolve otherwise),
/// answered from the view at its position;</item>
/// <item>no knownAt: answered from the view at the read database's newest mark while nothing is stored past it
/// (<see cref="ReadPositionWatch"/>), echoing that mark and the instant it was recorded; else read from the database
/// as it is, echoing its head and the clock.</item>
/// </list>
/// A read that must include a position (minPosition, or a write through this node) that a replica has not reached waits
/// for it at most <see cref="ReadSettings.ReplicaWait"/>, then the primary answers: never an answer older than the write.
/// </summary>
public sealed class PointInTimeReads(ReadSources sources, ReadPositionWatch watch, TimelineMemory timeline, IOptions<ReadSettings> settings)
{
    private const int MaxRememberedInstants = 100_000;

    private readonly ViewCache<IReadOnlyList<Member>> _members = new(settings.Value.KeptPositions);
    private readonly Dictionary<string, ViewCache<OfficeHolder?>> _offices =
        Offices.All.ToDictionary(office => office, _ => new ViewCache<OfficeHolder?>(settings.Value.KeptPositions), StringComparer.Ordinal);
    private readonly ViewCache<Chair?> _chairs = new(settings.Value.KeptPositions);
    private readonly ConcurrentDictionary<DateTimeOffset, Task<long>> _settledInstants = new();

    public Task<PointInTimeRead<IReadOnlyList<Member>>> MembersAsync(DateOnly asOf, DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition, CancellationToken ct) =>
        ReadAsync(_members, asOf, knownAt, knownAtIsSettled, minPosition, (q, p) => q.MembershipViewAsync(p, CancellationToken.None),
            async q => { var a = await q.MembersAsync(asOf, null, ct); return (a.Members, a.Basis); }, ct);

    public Task<PointInTimeRead<OfficeHolder?>> SecretaryGeneralAsync(DateOnly asOf, DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition, CancellationToken ct) =>
        OfficeAsync(Offices.SecretaryGeneral, asOf, knownAt, knownAtIsSettled, minPosition, ct);

    /// <summary>The holder of one office (<see cref="Offices.All"/>) on a day.</summary>
    public Task<PointInTimeRead<OfficeHolder?>> OfficeAsync(string office, DateOnly asOf, DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition, CancellationToken ct) =>
        ReadAsync(_offices[office], asOf, knownAt, knownAtIsSettled, minPosition, (q, p) => q.OfficeViewAsync(office, p, CancellationToken.None),
            async q => { var a = await q.OfficeAsync(office, asOf, null, ct); return (a.Office.Holder, a.Basis); }, ct);

    /// <summary>Every office and its holder on a day, all at one position (each office's view at it, or one database read).</summary>
    public async Task<PointInTimeRead<IReadOnlyList<OfficeStanding>>> OfficesAsync(
        DateOnly asOf, DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition, CancellationToken ct)
    {
        async Task<IReadOnlyList<OfficeStanding>> AtAsync(long position, ChronicleQueries source)
        {
            var offices = new List<OfficeStanding>(Offices.All.Count);
            foreach (var office in Offices.All)
            {
                var view = await _offices[office].GetAsync(position, p => source.OfficeViewAsync(office, p, CancellationToken.None));
                offices.Add(new OfficeStanding(office, Offices.NameOf(office), view.On(asOf).Answer));
            }
            return offices;
        }
        if (knownAt is { } instant)
        {
            var position = await ResolveAsync(instant, knownAtIsSettled, ct);
            return new(await AtAsync(position, SourceAt(position)), instant, position);
        }
        if (await SettledAsync(minPosition, ct) is { } settled)
            return new(await AtAsync(settled.Position, sources.Read), settled.KnownAt, settled.Position);
        var answer = await AsStoredAsync(minPosition, q => q.OfficesAsync(asOf, null, ct), a => a.Basis.Position, ct);
        return new(answer.Offices, answer.Basis.KnownAt, answer.Basis.Position);
    }

    public Task<PointInTimeRead<Chair?>> ChairmanshipAsync(DateOnly asOf, DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition, CancellationToken ct) =>
        ReadAsync(_chairs, asOf, knownAt, knownAtIsSettled, minPosition, (q, p) => q.ChairmanshipViewAsync(p, CancellationToken.None),
            async q => { var a = await q.ChairmanshipAsync(asOf, null, ct); return (a.Chair, a.Basis); }, ct);

    /// <summary>
    /// A timeline page: at a settled position from the timeline held in memory once it has reached that position
    /// (<see cref="TimelineMemory"/>), else in one statement (on the read database when it has it); else as stored now.
    /// </summary>
    public async Task<TimelineAnswer> TimelineAsync(
        DateOnly? from, DateOnly? to, IReadOnlyCollection<string>? types, string? entity, string? cursor, int limit,
        DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition, CancellationToken ct)
    {
        if (knownAt is { } instant)
        {
            var position = await ResolveAsync(instant, knownAtIsSettled, ct);
            return timeline.TryPage(position, instant, from, to, types, entity, cursor, limit)
                ?? await SourceAt(position).TimelineAtAsync(position, instant, from, to, types, entity, cursor, limit, ct);
        }
        if (await SettledAsync(minPosition, ct) is { } settled)
            return timeline.TryPage(settled.Position, settled.KnownAt, from, to, types, entity, cursor, limit)
                ?? await sources.Read.TimelineAtAsync(settled.Position, settled.KnownAt, from, to, types, entity, cursor, limit, ct);
        return await AsStoredAsync(minPosition, q => q.TimelineAsync(from, to, types, entity, cursor, limit, null, ct), a => a.Basis.Position, ct);
    }

    private async Task<PointInTimeRead<T>> ReadAsync<T>(
        ViewCache<T> cache, DateOnly asOf, DateTimeOffset? knownAt, bool knownAtIsSettled, long? minPosition,
        Func<ChronicleQueries, long, Task<PointInTimeView<T>>> build, Func<ChronicleQueries, Task<(T Answer, QueryBasis Basis)>> asStored,
        CancellationToken ct)
    {
        if (knownAt is { } instant)
        {
            var position = await ResolveAsync(instant, knownAtIsSettled, ct);
            // A view is shared by every request at its position: built without any one request's cancellation.
            var view = await cache.GetAsync(position, p => build(SourceAt(p), p));
            return new PointInTimeRead<T>(view.On(asOf).Answer, instant, position);
        }
        if (await SettledAsync(minPosition, ct) is { } settled)
        {
            var view = await cache.GetAsync(settled.Position, p => build(sources.Read, p));
            return new PointInTimeRead<T>(view.On(asOf).Answer, settled.KnownAt, settled.Position);
        }
        var (answer, basis) = await AsStoredAsync(minPosition, asStored, a => a.Basis.Position, ct);
        return new PointInTimeRead<T>(answer, basis.KnownAt, basis.Position);
    }

    /// <summary>The read database's newest mark, if it is all that is stored there and reaches minPosition (waiting for a replica).</summary>
    private async Task<SettledPosition?> SettledAsync(long? minPosition, CancellationToken ct)
    {
        if (await watch.SettledNowAsync(minPosition ?? 0, ct) is { } settled) return settled;
        var wanted = Math.Max(minPosition ?? 0, watch.Written);
        if (sources.HasReplica && wanted > watch.Mark)
            return await watch.WaitAsync(wanted, settings.Value.ReplicaWait, ct);
        return null;
    }

    /// <summary>Everything the read database has stored now; from the primary when that is older than minPosition.</summary>
    private async Task<TAnswer> AsStoredAsync<TAnswer>(
        long? minPosition, Func<ChronicleQueries, Task<TAnswer>> read, Func<TAnswer, long> positionOf, CancellationToken ct)
    {
        var answer = await read(sources.Read);
        var wanted = Math.Max(minPosition ?? 0, watch.Written);
        if (!sources.HasReplica || positionOf(answer) >= wanted) return answer;
        await watch.WaitAsync(wanted, settings.Value.ReplicaWait, ct);
        answer = await read(sources.Read);
        return positionOf(answer) >= wanted ? answer : await read(sources.Primary);
    }

    /// <summary>
    /// knownAt to a position on the primary. An instant past settling is remembered, as it can never resolve otherwise,
    /// and requests that ask for it together share one query (a new past instant otherwise costs one query per client).
    /// </summary>
    private async Task<long> ResolveAsync(DateTimeOffset knownAt, bool settled, CancellationToken ct)
    {
        if (!settled) return await sources.Primary.ResolveKnownAtAsync(knownAt, ct);
        if (_settledInstants.TryGetValue(knownAt, out var known)) return await known.WaitAsync(ct);
        if (_settledInstants.Count >= MaxRememberedInstants) _settledInstants.Clear();
        // Shared by every request for the instant: resolved without any one request's cancellation.
        var resolving = _settledInstants.GetOrAdd(knownAt, instant => sources.Primary.ResolveKnownAtAsync(instant, CancellationToken.None));
        try
        {
            return await resolving.WaitAsync(ct);
        }
        catch when (resolving.IsFaulted || resolving.IsCanceled)
        {
            _settledInstants.TryRemove(new KeyValuePair<DateTimeOffset, Task<long>>(knownAt, resolving));
            throw;
        }
    }

    /// <summary>Where rows at a settled position can be read: the read database once its mark has reached it, else the primary.</summary>
    private ChronicleQueries SourceAt(long position) => watch.Mark >= position ? sources.Read : sources.Primary;
}
