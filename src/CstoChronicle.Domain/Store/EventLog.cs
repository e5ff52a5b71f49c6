using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace CstoChronicle.Domain.Store;

/// <summary>
/// The chronicle's few uses of Marten's event store, with the answers the writer needs: a version conflict as
/// <see cref="WrongExpectedVersionException"/> carrying the actual version, an event id used before as
/// <see cref="EventIdConflictException"/> (Marten's unique index on event ids raised it; nothing was written).
/// An <see cref="IAppendEnlistment"/>, when given, adds its work to every append's transaction.
/// </summary>
public sealed class EventLog(IDocumentStore store, IAppendEnlistment? enlistment = null)
{
    private const string UniqueViolation = "23505";

    public IDocumentStore Store { get; } = store;

    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, CancellationToken ct = default)
    {
        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(streamId, token: ct);
        return events.Select(RecordedEvent.From).ToList();
    }

    public async Task<RecordedEvent?> ReadEventAsync(Guid eventId, CancellationToken ct = default)
    {
        await using var session = Store.QuerySession();
        var e = await session.Events.LoadAsync(eventId, ct);
        return e is null ? null : RecordedEvent.From(e);
    }

    public async Task<bool> StreamExistsAsync(string streamId, CancellationToken ct = default)
    {
        await using var session = Store.QuerySession();
        return await session.Events.FetchStreamStateAsync(streamId, ct) is not null;
    }

    /// <summary>The highest position stored; 0 for an empty store.</summary>
    public async Task<long> HeadPositionAsync(CancellationToken ct = default)
    {
        await using var session = Store.QuerySession();
        var last = await session.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Take(1).ToListAsync(ct);
        return last.Count == 0 ? 0 : last[0].Sequence;
    }

    /// <summary>Appends one event at <paramref name="expected"/>; the inline projection runs in the same transaction.</summary>
    public async Task<RecordedEvent> AppendAsync(string streamId, ExpectedVersion expected, NewEvent newEvent, CancellationToken ct = default)
    {
        await using var session = Store.LightweightSession();
        session.LastModifiedBy = newEvent.Metadata.RecordedBy;
        session.CorrelationId = newEvent.Metadata.CorrelationId;
        session.CausationId = newEvent.Metadata.CausationId;
        if (newEvent.Metadata.Reason is { } reason) session.SetHeader(ChronicleMarten.ReasonHeader, reason);

        var action = expected.IsNoStream ? session.Events.StartStream(streamId, newEvent.Data)
            : expected.IsAny ? session.Events.Append(streamId, newEvent.Data)
            : session.Events.Append(streamId, expected.Value + 1, newEvent.Data);
        var appended = action.Events[0];
        appended.Id = newEvent.EventId;
        if (enlistment is not null) await enlistment.EnlistAsync(session, appended, ct);

        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (IsVersionConflict(e))
        {
            throw new WrongExpectedVersionException(streamId, expected, await VersionAsync(streamId, ct));
        }
        catch (Exception e) when (IsUniqueViolation(e, out var constraint) && constraint.Contains("id", StringComparison.Ordinal)
                                  && !constraint.Contains("version", StringComparison.Ordinal))
        {
            throw new EventIdConflictException(streamId, [newEvent.EventId]);
        }
        catch (Exception e) when (IsUniqueViolation(e, out _))
        {
            throw new WrongExpectedVersionException(streamId, expected, await VersionAsync(streamId, ct));
        }
        return RecordedEvent.From(appended);
    }

    private async Task<long> VersionAsync(string streamId, CancellationToken ct)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(streamId, ct))?.Version ?? 0;
    }

    private static bool IsVersionConflict(Exception e) =>
        e is EventStreamUnexpectedMaxEventIdException or Marten.Exceptions.ExistingStreamIdCollisionException or JasperFx.Events.ExistingStreamIdCollisionException
        || e.InnerException is { } inner && IsVersionConflict(inner);

    private static bool IsUniqueViolation(Exception e, out string constraint)
    {
        for (var current = e; current is not null; current = current.InnerException)
            if (current is PostgresException { SqlState: UniqueViolation } pg)
            {
                constraint = pg.ConstraintName ?? "";
                return true;
            }
        constraint = "";
        return false;
    }
}
