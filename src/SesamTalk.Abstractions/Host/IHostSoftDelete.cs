namespace SesamTalk;

/// <summary>
/// Implemented by a host store, next to <see cref="IHostStore{TEntity}"/>, for flows whose delete policy is a soft
/// delete: the engine then marks the host record deleted (archived, inactive) instead of deleting it.
/// </summary>
/// <typeparam name="TEntity">The host entity type.</typeparam>
public interface IHostSoftDelete<TEntity>
    where TEntity : class
{
    /// <summary>Marks the record deleted; marking a record that is gone or marked already is not an error.</summary>
    /// <param name="id">The record's id.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    Task MarkDeletedAsync(string id, CancellationToken cancellationToken);
}
