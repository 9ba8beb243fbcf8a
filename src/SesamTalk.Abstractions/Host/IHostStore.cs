namespace SesamTalk;

/// <summary>
/// What the host implements per synced entity, so the engine can read and write the host's own records: the changes
/// since a cursor, one record, save, delete. The engine commits the cursor only after applying the changes it covers.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public interface IHostStore<TEntity>
    where TEntity : class
{
    /// <summary>
    /// Streams the records changed after <paramref name="after"/>, deletions included, in a stable order: by
    /// modification time, then by id (ordinal), so records sharing a timestamp are neither skipped nor repeated.
    /// </summary>
    /// <param name="after">The last change already applied; null from the beginning.</param>
    /// <param name="cancellationToken">Stops the stream.</param>
    IAsyncEnumerable<HostChange<TEntity>> GetChangesAsync(HostCursor? after, CancellationToken cancellationToken);

    /// <summary>The record with <paramref name="id"/>, or null when there is none (or it was deleted).</summary>
    /// <param name="id">The record's id in its invariant text form.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<TEntity?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the record; a new record gets its id here.</summary>
    /// <param name="entity">The record.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The record's id in its invariant text form.</returns>
    Task<string> SaveAsync(TEntity entity, CancellationToken cancellationToken);

    /// <summary>Deletes the record; deleting a record that is gone already is not an error.</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task DeleteAsync(string id, CancellationToken cancellationToken);
}
