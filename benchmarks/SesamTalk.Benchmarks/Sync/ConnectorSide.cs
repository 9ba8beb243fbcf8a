using Microsoft.Extensions.DependencyInjection;
using SesamTalk.Connectors;

namespace SesamTalk.Benchmarks.Sync;

/// <summary>
/// The connector-only baseline: the reads and writes a scenario needs, in the connector's largest batches, with no
/// engine (no link store, no fingerprints, no matching, no read-back). Its calls are the minimum the batching allows.
/// It keeps its cursors and the host-to-remote id pairs in memory (its memory is not reported).
/// </summary>
internal sealed class ConnectorSide<TEntity> : IScenarioSide
    where TEntity : class, IBenchRecord, new()
{
    private readonly ServiceProvider _services;
    private readonly SqliteHostStore<TEntity> _store;
    private readonly IEntityMapper<TEntity> _mapper;
    private readonly Dictionary<string, string> _remoteIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _hostIds = new(StringComparer.Ordinal);
    private string? _remoteCursor;
    private HostCursor? _hostCursor;

    private ConnectorSide(ServiceProvider services, SqliteHostStore<TEntity> store, IEntityMapper<TEntity> mapper)
    {
        _services = services;
        _store = store;
        _mapper = mapper;
    }

    private ISyncConnector Connector => _services.GetRequiredService<ISyncConnector>();

    private int Batch => Connector.GetCapabilities(_mapper.Target.Type).MaxBatchSize;

    public static async Task<IScenarioSide> StartAsync(ChildStart start, ISyncEntityDefinition<TEntity> entity, CancellationToken cancellationToken)
    {
        var store = await SqliteHostStore<TEntity>.OpenAsync(start.HostStore, cancellationToken).ConfigureAwait(false);
        var services = new ServiceCollection().AddConnector(start).BuildServiceProvider();
        return new ConnectorSide<TEntity>(services, store, entity.GetMapper(ChildServices.Target(start.System)));
    }

    public async Task<SideFigures> RunAsync(string scenario, CancellationToken cancellationToken)
    {
        var before = Connector.ApiCalls;
        var (read, created, updated) = scenario switch
        {
            SyncScenarios.FirstHostToRemote => await HostToRemoteAsync(cancellationToken).ConfigureAwait(false),
            SyncScenarios.FirstRemoteToHost => await RemoteToHostAsync(cancellationToken).ConfigureAwait(false),
            SyncScenarios.NothingChanged or SyncScenarios.OnePercentChanged => await BothWaysAsync(cancellationToken).ConfigureAwait(false),
            SyncScenarios.FirstLinkByKey => await LinkByKeyAsync(cancellationToken).ConfigureAwait(false),
            _ => throw new ArgumentException($"Unknown scenario '{scenario}'.", nameof(scenario)),
        };
        return new SideFigures(Connector.ApiCalls - before, _remoteIds.Count, read, created, updated, 0, null);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync().ConfigureAwait(false);
        await _store.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reads the (empty) remote feed, then streams the host's records into creates of the largest batch.</summary>
    private async Task<(int, int, int)> HostToRemoteAsync(CancellationToken cancellationToken)
    {
        var read = await ReadRemoteAsync(_ => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
        var batch = new List<TEntity>(Batch);
        var created = 0;
        await foreach (var change in _store.GetChangesAsync(_hostCursor, cancellationToken).ConfigureAwait(false))
        {
            read++;
            _hostCursor = change.Position;
            batch.Add(change.Entity!);
            if (batch.Count == Batch)
            {
                created += await CreateAsync(batch, cancellationToken).ConfigureAwait(false);
            }
        }

        created += await CreateAsync(batch, cancellationToken).ConfigureAwait(false);
        return (read, created, 0);
    }

    /// <summary>Reads the (empty) host feed, then the remote feed, saving each record in the host.</summary>
    private async Task<(int, int, int)> RemoteToHostAsync(CancellationToken cancellationToken)
    {
        var read = 0;
        await foreach (var change in _store.GetChangesAsync(_hostCursor, cancellationToken).ConfigureAwait(false))
        {
            read++;
            _hostCursor = change.Position;
        }

        var created = await ReadRemoteAsync(
            async page =>
            {
                foreach (var record in page)
                {
                    var entity = new TEntity();
                    _mapper.Apply(record, entity);
                    Pair(await _store.SaveAsync(entity, cancellationToken).ConfigureAwait(false), record.Id!);
                }
            },
            cancellationToken).ConfigureAwait(false);
        _hostCursor = await _store.LatestPositionAsync(cancellationToken).ConfigureAwait(false);
        return (read + created, created, 0);
    }

    /// <summary>Reads the host feed, then the remote feed, pairing the records by code (the match key); writes nothing.</summary>
    private async Task<(int, int, int)> LinkByKeyAsync(CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        await foreach (var change in _store.GetChangesAsync(_hostCursor, cancellationToken).ConfigureAwait(false))
        {
            byCode[change.Entity!.Code] = change.Id;
            _hostCursor = change.Position;
        }

        var read = byCode.Count + await ReadRemoteAsync(
            page =>
            {
                foreach (var record in page)
                {
                    if (SyncMatchValue.Of(record, _mapper.MatchKeys[0]) is { } code && byCode.TryGetValue(code, out var hostId))
                    {
                        Pair(hostId, record.Id!);
                    }
                }

                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return (read, 0, 0);
    }

    /// <summary>
    /// Reads the host feed from its cursor, then the remote feed from its cursor; saves the remote changes in the host
    /// and sends the host changes as updates in the largest batch. With nothing changed it only reads.
    /// </summary>
    private async Task<(int, int, int)> BothWaysAsync(CancellationToken cancellationToken)
    {
        var hostChanges = new List<TEntity>();
        await foreach (var change in _store.GetChangesAsync(_hostCursor, cancellationToken).ConfigureAwait(false))
        {
            hostChanges.Add(change.Entity!);
        }

        var remoteChanges = new List<SyncRecord>();
        var read = hostChanges.Count + await ReadRemoteAsync(
            page =>
            {
                remoteChanges.AddRange(page);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        var updated = 0;
        var editedInHost = hostChanges.Select(entity => entity.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var record in remoteChanges)
        {
            // Saved only when it differs from the host's record (Salesforce's change overlap hands records over again),
            // and not over a host edit of this cycle (the overlap's older remote values would undo it).
            if (_hostIds.TryGetValue(record.Id!, out var hostId) && !editedInHost.Contains(hostId)
                && await _store.GetAsync(hostId, cancellationToken).ConfigureAwait(false) is { } entity)
            {
                var before = (entity.Code, entity.Name, entity.Description, entity.Active);
                _mapper.Apply(record, entity);
                if (before != (entity.Code, entity.Name, entity.Description, entity.Active))
                {
                    await _store.SaveAsync(entity, cancellationToken).ConfigureAwait(false);
                    updated++;
                }
            }
        }

        foreach (var chunk in hostChanges.Chunk(Batch))
        {
            var records = chunk.Select(entity =>
            {
                var record = _mapper.ToRecord(entity);
                record.Id = _remoteIds[entity.Id];
                return record;
            }).ToList();
            var results = await Connector.UpdateAsync(_mapper, records, cancellationToken).ConfigureAwait(false);
            updated += Succeeded(results).Count;
        }

        _hostCursor = await _store.LatestPositionAsync(cancellationToken).ConfigureAwait(false);
        return (read, 0, updated);
    }

    /// <summary>Reads the remote feed from the cursor to its end, handing each page over; returns how many records it read.</summary>
    private async Task<int> ReadRemoteAsync(Func<IReadOnlyList<SyncRecord>, Task> each, CancellationToken cancellationToken)
    {
        var read = 0;
        await foreach (var page in Connector.ReadChangesAsync(_mapper, _remoteCursor, cancellationToken).ConfigureAwait(false))
        {
            await each(page.Records).ConfigureAwait(false);
            read += page.Records.Count;
            _remoteCursor = page.Cursor;
        }

        return read;
    }

    private async Task<int> CreateAsync(List<TEntity> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return 0;
        }

        var creates = batch.Select(entity => new RemoteCreate(_mapper.ToRecord(entity), "bench-" + entity.Id)).ToList();
        var results = Succeeded(await Connector.CreateAsync(_mapper, creates, cancellationToken).ConfigureAwait(false));
        for (var i = 0; i < batch.Count; i++)
        {
            Pair(batch[i].Id, results[i].Id!);
        }

        batch.Clear();
        return results.Count;
    }

    private void Pair(string hostId, string remoteId)
    {
        _remoteIds[hostId] = remoteId;
        _hostIds[remoteId] = hostId;
    }

    private static IReadOnlyList<RemoteWriteResult> Succeeded(IReadOnlyList<RemoteWriteResult> results) =>
        results.FirstOrDefault(result => !result.Succeeded) is { } failed
            ? throw new InvalidOperationException($"A write failed: {failed.Error}")
            : results;
}
