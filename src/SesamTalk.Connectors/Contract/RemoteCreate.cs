namespace SesamTalk.Connectors;

/// <summary>A record to create, with the idempotency key of the engine's pending-create intent.</summary>
/// <param name="Record">The record (no id yet).</param>
/// <param name="IdempotencyKey">
/// Stable across retries of the same create. Systems that honour idempotency keys return the record created
/// under the key instead of creating a second one.
/// </param>
public sealed record RemoteCreate(SyncRecord Record, string IdempotencyKey);
