using System.Collections.Concurrent;
using CstoChronicle.EventStore.Notifications;
using CstoChronicle.EventStore.Reading;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CstoChronicle.EventStore.Daemon;

/// <summary>
/// Runs asynchronous projections: each keeps a checkpoint in es_progression and moves forward in
/// batches, in position order, writes and checkpoint in one transaction. Any number of daemons may
/// run against one database; the one holding the advisory lock projects, the others stand by and
/// take over when its connection goes away. <see cref="RunAsync"/> is meant for a hosted service.
/// </summary>
public sealed class ProjectionDaemon
{
    private readonly IReadOnlyDictionary<string, IProjection> _projections;
    private readonly EventStoreOptions _storeOptions;
    private readonly ProjectionDaemonOptions _options;
    private readonly NpgsqlDataSource _dataSource;
    private readonly NotificationListener? _sharedListener;
    private readonly ProjectionRunner _runner;
    private readonly Checkpoints _checkpoints;
    private readonly ILogger _logger;
    private readonly Dictionary<string, long> _restingUntil = [];
    private readonly ConcurrentDictionary<string, string> _failures = new();
    private volatile bool _isLeader;

    public ProjectionDaemon(
        NpgsqlDataSource dataSource,
        EventStoreOptions storeOptions,
        IEnumerable<IProjection> projections,
        ProjectionDaemonOptions? options = null,
        NotificationListener? listener = null,
        ILogger<ProjectionDaemon>? logger = null)
    {
        _projections = projections.ToDictionary(p => p.Name);
        _storeOptions = storeOptions;
        _options = options ?? new ProjectionDaemonOptions();
        _dataSource = dataSource;
        _sharedListener = listener;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _checkpoints = new Checkpoints(dataSource, storeOptions.Schema);
        _runner = new ProjectionRunner(dataSource, storeOptions, new EventReader(dataSource, storeOptions), _checkpoints);
    }

    /// <summary>True while this daemon holds the lock and projects.</summary>
    public bool IsLeader => _isLeader;

    public IReadOnlyCollection<string> ProjectionNames => _projections.Keys.ToList();

    /// <summary>Projections whose last batch failed, with the error message; empty when all are healthy.</summary>
    public IReadOnlyDictionary<string, string> Failures => new Dictionary<string, string>(_failures);

    /// <summary>Stands by until it gets the lock, then projects until cancelled or the lock is lost, and so on.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        await using var lease = new DaemonLease(_dataSource, _storeOptions.Schema, _options.LeaseName);
        var ownListener = _sharedListener is null ? new NotificationListener(_dataSource, _storeOptions) : null;
        var listener = _sharedListener ?? ownListener!;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                if (await TryAcquireAsync(lease, ct))
                {
                    _logger.LogInformation("Projection daemon for schema {Schema} took the lead.", _storeOptions.Schema);
                    _isLeader = true;
                    try { await LeadAsync(lease, listener, ct); }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        _logger.LogError(e, "Projection daemon failed while leading; releasing the lock and retrying.");
                    }
                    finally { _isLeader = false; await lease.ReleaseAsync(); }
                }
                await DelayAsync(_options.LeadershipRetryInterval, ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            if (ownListener is not null) await ownListener.DisposeAsync();
        }
    }

    /// <summary>Empties the projection's tables, sets its checkpoint to zero and replays the log up to the head.</summary>
    public async Task RebuildAsync(string name, CancellationToken ct = default)
    {
        var projection = _projections.TryGetValue(name, out var p) ? p : throw new ArgumentException($"Unknown projection '{name}'.", nameof(name));
        await _checkpoints.EnsureAsync([name], ct);
        await _runner.ResetAsync(projection, ct);
        while (await _runner.RunBatchAsync(projection, _options.BatchSize, ct)) { }
    }

    public async Task<long> GetCheckpointAsync(string name, CancellationToken ct = default) =>
        (await _checkpoints.ReadAllAsync(ct)).TryGetValue(name, out var position) ? position : 0;

    public Task<IReadOnlyDictionary<string, long>> GetCheckpointsAsync(CancellationToken ct = default) => _checkpoints.ReadAllAsync(ct);

    private async Task<bool> TryAcquireAsync(DaemonLease lease, CancellationToken ct)
    {
        try
        {
            return await lease.TryAcquireAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _logger.LogWarning(e, "Projection daemon could not try the lock; retrying.");
            return false;
        }
    }

    private async Task LeadAsync(DaemonLease lease, NotificationListener listener, CancellationToken ct)
    {
        await _checkpoints.EnsureAsync(_projections.Keys, ct);
        var nextLeaseCheck = Environment.TickCount64 + (long)_options.LeaseCheckInterval.TotalMilliseconds;
        while (!ct.IsCancellationRequested)
        {
            if (Environment.TickCount64 >= nextLeaseCheck)
            {
                if (!await lease.IsHeldAsync(ct))
                {
                    _logger.LogWarning("Projection daemon lost its lock connection; standing by.");
                    return;
                }
                nextLeaseCheck = Environment.TickCount64 + (long)_options.LeaseCheckInterval.TotalMilliseconds;
            }

            var signal = listener.NextSignal;
            var moreToDo = false;
            foreach (var projection in _projections.Values)
                moreToDo |= await RunBatchAsync(projection, ct);

            if (!moreToDo) await NotificationListener.WaitAsync(signal, _options.PollInterval, ct);
        }
    }

    private async Task<bool> RunBatchAsync(IProjection projection, CancellationToken ct)
    {
        if (_restingUntil.TryGetValue(projection.Name, out var until) && Environment.TickCount64 < until) return false;
        try
        {
            var moreToDo = await _runner.RunBatchAsync(projection, _options.BatchSize, ct);
            _failures.TryRemove(projection.Name, out _);
            return moreToDo;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            _logger.LogError(e, "Projection {Projection} failed; retrying in {Backoff}.", projection.Name, _options.ErrorBackoff);
            _restingUntil[projection.Name] = Environment.TickCount64 + (long)_options.ErrorBackoff.TotalMilliseconds;
            _failures[projection.Name] = e.Message;
            return false;
        }
    }

    private static async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try { await Task.Delay(delay, ct); }
        catch (OperationCanceledException) { }
    }
}
