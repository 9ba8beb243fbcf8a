namespace SesamTalk.EntityFrameworkCore.Tests.Harness;

/// <summary>
/// A host store that, once armed, stops the cycle right after a save has committed in the host's database: the
/// process dying between the engine's write into the host and the engine's own commit.
/// </summary>
public sealed class CrashAfterSave<TEntity>(IHostStore<TEntity> inner) : IHostStore<TEntity>
    where TEntity : class
{
    private CancellationTokenSource? _armed;

    public void Arm(CancellationTokenSource cycle) => _armed = cycle;

    public IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, CancellationToken cancellationToken) => inner.GetChangesAsync(after, cancellationToken);

    public Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public async Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken)
    {
        var id = await inner.SaveAsync(entity, cancellationToken);
        if (Interlocked.Exchange(ref _armed, null) is { } cycle)
        {
            await cycle.CancelAsync();
            throw new OperationCanceledException(cycle.Token);
        }

        return id;
    }

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);
}
