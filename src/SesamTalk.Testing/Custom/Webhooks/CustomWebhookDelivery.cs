namespace SesamTalk.Testing.Custom;

/// <summary>One try of a <see cref="CustomSystemEmulator"/> to deliver a webhook event, for tests to inspect.</summary>
/// <param name="EventId">The event's id (the same on every try).</param>
/// <param name="WebhookId">The subscription it went to.</param>
/// <param name="Type">The record type.</param>
/// <param name="Action"><c>created</c>, <c>updated</c> or <c>deleted</c>.</param>
/// <param name="Ids">The records' ids.</param>
/// <param name="Attempt">1 for the first try, 2 for the first retry, ...</param>
/// <param name="StatusCode">The receiver's HTTP status, or null when it did not answer in time or the try was dropped.</param>
/// <param name="Dropped">True when <see cref="CustomSystemEmulator.DropDeliveries"/> lost it: never sent and never retried.</param>
/// <param name="At">When it was tried (the emulator's clock).</param>
public sealed record CustomWebhookDelivery(
    string EventId, string WebhookId, string Type, string Action, IReadOnlyList<string> Ids, int Attempt, int? StatusCode, bool Dropped, DateTimeOffset At)
{
    /// <summary>Whether the receiver accepted it (a 2xx answer).</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
