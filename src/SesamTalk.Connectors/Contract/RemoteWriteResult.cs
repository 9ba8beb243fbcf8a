namespace SesamTalk.Connectors;

/// <summary>The outcome of one record's create, update or delete.</summary>
public sealed class RemoteWriteResult
{
    private RemoteWriteResult(string? id, DateTimeOffset? modifiedAt, RemoteRecordError? error)
    {
        Id = id;
        ModifiedAt = modifiedAt;
        Error = error;
    }

    /// <summary>The record's remote id (for a create: the new id), or null when the write was rejected.</summary>
    public string? Id { get; }

    /// <summary>The record's modification stamp after the write, when the API returns it.</summary>
    public DateTimeOffset? ModifiedAt { get; }

    /// <summary>Why the system rejected this record, or null on success.</summary>
    public RemoteRecordError? Error { get; }

    /// <summary>Whether the write succeeded.</summary>
    public bool Succeeded => Error is null;

    /// <summary>A successful write.</summary>
    /// <param name="id">The record's remote id.</param>
    /// <param name="modifiedAt">The modification stamp after the write, when known.</param>
    public static RemoteWriteResult Success(string id, DateTimeOffset? modifiedAt = null) =>
        new(id ?? throw new ArgumentNullException(nameof(id)), modifiedAt, null);

    /// <summary>A rejected write.</summary>
    /// <param name="error">The system's reason.</param>
    /// <param name="id">The record's remote id, when it has one.</param>
    public static RemoteWriteResult Failure(RemoteRecordError error, string? id = null) =>
        new(id, null, error ?? throw new ArgumentNullException(nameof(error)));
}
