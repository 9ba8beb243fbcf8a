namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>One attempt of the emulator to post a webhook notification to a subscription's callback URL.</summary>
/// <param name="SubscriptionId">The subscription notified.</param>
/// <param name="CallbackUrl">Where the notification went.</param>
/// <param name="Attempt">1 for the first try, then 2, 3, … for the retries.</param>
/// <param name="Body">The body posted: <c>{"Content":{…},"HashCode":"…"}</c>.</param>
/// <param name="StatusCode">The callback's answer, or null when none came (refused connection, timeout).</param>
/// <param name="Error">Why no answer came, or null.</param>
public sealed record ExactOnlineWebhookDelivery(Guid SubscriptionId, string CallbackUrl, int Attempt, string Body, int? StatusCode, string? Error)
{
    /// <summary>Whether the callback took it (a 2xx answer): no retry follows.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}
