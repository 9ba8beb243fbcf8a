namespace SesamTalk;

/// <summary>
/// Implemented by a host store, next to <see cref="IHostStore{TEntity}"/>, that reads and writes many records at a time:
/// the records of many ids in a few queries, and saves and deletes in batches, each batch in one transaction.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public interface IHostBatchStore<TEntity>
    where TEntity : class
{
    /// <summary>
    /// The records with <paramref name="ids"/> that exist, by their ids in the invariant text form the store hands out
    /// (<see cref="HostChange{TEntity}.Id"/>, <see cref="IHostStore{TEntity}.SaveAsync"/>); an id with no record is left out.
    /// </summary>
    /// <param name="ids">The records' ids in their invariant text form.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<IReadOnlyDictionary<string, TEntity>> GetManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the records, a batch at a time, each batch in one transaction; new records get their ids here.</summary>
    /// <param name="entities">The records.</param>
    /// <param name="cancellationToken">Cancels the writes; the batches written before stay written.</param>
    /// <returns>The records' ids, in the order of <paramref name="entities"/>.</returns>
    Task<IReadOnlyList<string>> SaveManyAsync(IReadOnlyList<TEntity> entities, CancellationToken cancellationToken);

    /// <summary>Deletes the records, a batch at a time, each batch in one transaction; an id whose record is gone already is not an error.</summary>
    /// <param name="ids">The records' ids.</param>
    /// <param name="cancellationToken">Cancels the writes; the batches written before stay written.</param>
    Task DeleteManyAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}
