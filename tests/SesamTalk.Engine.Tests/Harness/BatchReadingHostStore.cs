namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// A host store that also reads many records at a time (<see cref="IHostBatchStore{TEntity}"/>), over an in-memory
/// one, counting its single reads and its batch reads: the engine's customers flows run through it.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
internal sealed class BatchReadingHostStore<TEntity>(IHostStore<TEntity> inner) : IHostStore<TEntity>, IHostBatchStore<TEntity>
    where TEntity : class
{
    private int _singleReads;
    private int _batchReads;

    /// <summary>Calls of <see cref="GetAsync"/>.</summary>
    public int SingleReads => Volatile.Read(ref _singleReads);

    /// <summary>Calls of <see cref="GetManyAsync"/>.</summary>
    public int BatchReads => Volatile.Read(ref _batchReads);

    public IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, CancellationToken cancellationToken) =>
        inner.GetChangesAsync(after, cancellationToken);

    public Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _singleReads);
        return inner.GetAsync(id, cancellationToken);
    }

    public Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken) => inner.SaveAsync(entity, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

    public async Task<IReadOnlyDictionary<string, TEntity>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _batchReads);
        var found = new Dictionary<string, TEntity>(StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (await inner.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } entity)
            {
                found[id] = entity;
            }
        }

        return found;
    }

    public async Task<IReadOnlyList<string>> SaveManyAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken)
    {
        var ids = new List<string>(entities.Count);
        foreach (var entity in entities)
        {
            ids.Add(await inner.SaveAsync(entity, cancellationToken).ConfigureAwait(false));
        }

        return ids;
    }

    public async Task DeleteManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            await inner.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }
    }
}
