namespace SesamTalk.Testing.Custom;

/// <summary>What an <see cref="ICustomRecordStore"/> write did; the HTTP layer turns it into the contract's status.</summary>
public sealed class CustomWriteResult
{
    private CustomWriteResult(CustomWriteOutcome outcome, CustomRecord? record, IReadOnlyList<CustomFieldError> errors)
    {
        Outcome = outcome;
        Record = record;
        Errors = errors;
    }

    /// <summary>The outcome.</summary>
    public CustomWriteOutcome Outcome { get; }

    /// <summary>The record after the write; for <see cref="CustomWriteOutcome.VersionMismatch"/> the current record.</summary>
    public CustomRecord? Record { get; }

    /// <summary>Why the store refused the values (<see cref="CustomWriteOutcome.Invalid"/>).</summary>
    public IReadOnlyList<CustomFieldError> Errors { get; }

    /// <summary>A new record was created (201).</summary>
    public static CustomWriteResult Created(CustomRecord record) => new(CustomWriteOutcome.Created, Required(record), []);

    /// <summary>The idempotency key was seen before: the record the first request created, in its current state (200).</summary>
    public static CustomWriteResult Replayed(CustomRecord record) => new(CustomWriteOutcome.Replayed, Required(record), []);

    /// <summary>The record was updated (200).</summary>
    public static CustomWriteResult Updated(CustomRecord record) => new(CustomWriteOutcome.Updated, Required(record), []);

    /// <summary>The record is deleted now or was already (204); <paramref name="tombstone"/> is what the feed lists.</summary>
    public static CustomWriteResult Deleted(CustomRecord tombstone) => new(CustomWriteOutcome.Deleted, Required(tombstone), []);

    /// <summary>No record has this id (404).</summary>
    public static CustomWriteResult NotFound { get; } = new(CustomWriteOutcome.NotFound, null, []);

    /// <summary>The record was deleted (410).</summary>
    public static CustomWriteResult Gone { get; } = new(CustomWriteOutcome.Gone, null, []);

    /// <summary>The <c>If-Match</c> version is stale (412); <paramref name="current"/> is the record as it is now.</summary>
    public static CustomWriteResult VersionMismatch(CustomRecord current) => new(CustomWriteOutcome.VersionMismatch, Required(current), []);

    /// <summary>The store refused the values (400), naming each field.</summary>
    public static CustomWriteResult Invalid(IReadOnlyList<CustomFieldError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        return new(CustomWriteOutcome.Invalid, null, errors);
    }

    private static CustomRecord Required(CustomRecord record) => record ?? throw new ArgumentNullException(nameof(record));
}

/// <summary>The outcomes of a <see cref="CustomWriteResult"/>.</summary>
public enum CustomWriteOutcome
{
    /// <summary>A new record was created.</summary>
    Created,

    /// <summary>A create repeated an idempotency key: nothing new was created.</summary>
    Replayed,

    /// <summary>The record was updated.</summary>
    Updated,

    /// <summary>The record is deleted.</summary>
    Deleted,

    /// <summary>No record has the id.</summary>
    NotFound,

    /// <summary>The record was deleted before this write.</summary>
    Gone,

    /// <summary>The expected version is not the current one.</summary>
    VersionMismatch,

    /// <summary>The values were refused.</summary>
    Invalid,
}

/// <summary>Why one field was refused.</summary>
/// <param name="Field">The field's name.</param>
/// <param name="Code">A stable code: <c>unknown-field</c>, <c>read-only</c>, <c>required</c>, <c>invalid-type</c>, <c>too-long</c>, or the host's own.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record CustomFieldError(string Field, string Code, string Message);
