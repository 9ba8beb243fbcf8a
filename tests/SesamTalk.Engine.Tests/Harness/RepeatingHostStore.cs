using System.Runtime.CompilerServices;

namespace SesamTalk.Engine.Tests.Harness;

/// <summary>
/// A host store whose change feed yields one record once more after <paramref name="after"/> changes: a feed read page
/// by page (keyset on change time and id) does so when the record is edited while a cycle reads it.
/// </summary>
internal sealed class RepeatingHostStore<TEntity>(IHostStore<TEntity> inner, string repeatedId, int after) : IHostStore<TEntity>
    where TEntity : class
{
    public async IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? cursor, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var count = 0;
        HostChange<TEntity>? repeated = null;
        await foreach (var change in inner.GetChangesAsync(cursor, cancellationToken))
        {
            if (count++ == after && repeated is not null)
            {
                yield return repeated;
            }

            if (change.Id == repeatedId)
            {
                repeated = change;
            }

            yield return change;
        }
    }

    public Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken) => inner.GetAsync(id, cancellationToken);

    public Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken) => inner.SaveAsync(entity, cancellationToken);

    public Task DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);
}
