namespace SesamTalk.Connectors;

/// <summary>The outcome of one record's create, update or delete.</summary>
public sealed class RemoteWriteResult
{
    private readonly SyncRecord? _stored;
    private readonly Func<SyncRecord?>? _predict;

    private RemoteWriteResult(string? id, DateTimeOffset? modifiedAt, SyncRecord? stored, RemoteRecordError? error, Func<SyncRecord?>? predict = null)
    {
        Id = id;
        ModifiedAt = modifiedAt;
        _stored = stored;
        _predict = predict;
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
    /// A record the connector predicts rather than reads is made anew each time this is read, so that a write of
    /// thousands of records does not hold thousands of stored records while the engine takes them one at a time.
    /// </summary>
    public SyncRecord? Stored => _stored ?? _predict?.Invoke();

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

    /// <summary>
    /// A successful create whose stored record the connector predicts from what it sent (<see cref="Stored"/> is
    /// <paramref name="predict"/>'s answer, made when it is read; null when the prediction is not certain).
    /// </summary>
    internal static RemoteWriteResult Predicted(string id, Func<SyncRecord?> predict) =>
        new(id ?? throw new ArgumentNullException(nameof(id)), null, null, null, predict ?? throw new ArgumentNullException(nameof(predict)));

    /// <summary>A rejected write.</summary>
    /// <param name="error">The system's reason.</param>
    /// <param name="id">The record's remote id, when it has one.</param>
    public static RemoteWriteResult Failure(RemoteRecordError error, string? id = null) =>
        new(id, null, null, error ?? throw new ArgumentNullException(nameof(error)));
}
