namespace SesamTalk.Connectors.Custom;

/// <summary>One create or update of a <c>POST /{type}/batch</c> call.</summary>
public sealed class CustomBatchItem
{
    private CustomBatchItem(SyncRecord record, string? idempotencyKey)
    {
        Record = record;
        IdempotencyKey = idempotencyKey;
    }

    /// <summary>The record: for an update with its id, its version (sent as <c>ifMatch</c> when set) and the fields to set.</summary>
    public SyncRecord Record { get; }

    /// <summary>The idempotency key of a create; null for an update.</summary>
    public string? IdempotencyKey { get; }

    /// <summary>Whether the item creates a record.</summary>
    public bool IsCreate => IdempotencyKey is not null;

    /// <summary>A create under <paramref name="idempotencyKey"/>.</summary>
    /// <param name="record">The record to create.</param>
    /// <param name="idempotencyKey">The key naming this one intended record.</param>
    public static CustomBatchItem Create(SyncRecord record, string idempotencyKey) =>
        new(record ?? throw new ArgumentNullException(nameof(record)), idempotencyKey ?? throw new ArgumentNullException(nameof(idempotencyKey)));

    /// <summary>An update of <see cref="SyncRecord.Id"/>, guarded by <see cref="SyncRecord.Version"/> when it is set.</summary>
    /// <param name="record">The record with its id and the fields to set.</param>
    public static CustomBatchItem Update(SyncRecord record) =>
        new(record?.Id is null ? throw new ArgumentException("An update needs the record's id.", nameof(record)) : record, null);
}
