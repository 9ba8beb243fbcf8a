namespace SesamTalk.Connectors;

/// <summary>A record to create, with the idempotency key of the engine's pending-create intent.</summary>
/// <param name="Record">The record (no id yet).</param>
/// <param name="IdempotencyKey">
/// Stable across retries of the same create. Systems that honour idempotency keys return the record created
/// under the key instead of creating a second one.
/// </param>
public sealed record RemoteCreate(SyncRecord Record, string IdempotencyKey)
{
    /// <summary>
    /// Whether no earlier attempt can have sent this create: its intent (and key) was recorded for this attempt. A
    /// connector that looks up earlier attempts by key (the Salesforce bulk job log) skips the lookup for it. False
    /// by default: a caller that does not know treats every create as one that may be repeated.
    /// </summary>
    public bool FirstAttempt { get; init; }
}
