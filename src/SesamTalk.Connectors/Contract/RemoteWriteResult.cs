namespace SesamTalk.Connectors;

/// <summary>The outcome of one record's create, update or delete.</summary>
public sealed class RemoteWriteResult
{
    private RemoteWriteResult(string? id, DateTimeOffset? modifiedAt, SyncRecord? stored, RemoteRecordError? error)
    {
        Id = id;
        ModifiedAt = modifiedAt;
        Stored = stored;
        Error = error;
    }

    /// <summary>The record's remote id (for a create: the new id), or null when the write was rejected.</summary>
    public string? Id { get; }

    /// <summary>The record's modification stamp after the write, when the API returns it.</summary>
    public DateTimeOffset? ModifiedAt { get; }

    /// <summary>
    /// The record as the system stored it, when its answer to the write carries it (mapped as a change-feed read
    /// maps it): what the system made of the values sent (padded, trimmed, rounded, re-spelled). Null when the answer
    /// carries no record; the engine then reads the written records back, one batched read for a unit of work's writes.
    /// </summary>
    public SyncRecord? Stored { get; }

    /// <summary>Why the system rejected this record, or null on success.</summary>
    public RemoteRecordError? Error { get; }

    /// <summary>Whether the write succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful write.</summary>
    /// <param name="id">The record's remote id.</param>
    /// <param name="modifiedAt">The modification stamp after the write, when known.</param>
    /// <param name="stored">The record as the system stored it, when the answer carries it.</param>
    public static RemoteWriteResult Success(string id, DateTimeOffset? modifiedAt = null, SyncRecord? stored = null) =>
        new(id ?? throw new ArgumentNullException(nameof(id)), modifiedAt ?? stored?.ModifiedAt, stored, null);

    /// <summary>A rejected write.</summary>
    /// <param name="error">The system's reason.</param>
    /// <param name="id">The record's remote id, when it has one.</param>
    public static RemoteWriteResult Failure(RemoteRecordError error, string? id = null) =>
        new(id, null, null, error ?? throw new ArgumentNullException(nameof(error)));
}
