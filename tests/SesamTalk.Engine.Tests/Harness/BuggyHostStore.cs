namespace SesamTalk.Engine.Tests.Harness;

/// <summary>A host store with a bug: once armed, every save throws the <see cref="ArgumentException"/> a wrong call in code throws.</summary>
internal sealed class BuggyHostStore<TEntity>(IHostStore<TEntity> inner) : IHostStore<TEntity>
    where TEntity : class
{
    public bool Armed { get; set; }

    public IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, CancellationToken cancellationToken) => inner.GetChangesAsync(after, cancellationToken);

    public Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken) =>
        Armed ? throw new ArgumentException("The store was called with a key it cannot take.", nameof(entity)) : inner.SaveAsync(entity, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);
}
