namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>One payload on its way to one webhook: the same bytes and event id on every attempt.</summary>
/// <param name="WebhookId">The webhook to post to (its target, secret and headers are read at each attempt).</param>
/// <param name="Event">The event name, e.g. <c>contact.changed</c>.</param>
/// <param name="EventId">The payload's <c>EventId</c>.</param>
/// <param name="Body">The payload as posted and signed.</param>
internal sealed record WebhookDelivery(int WebhookId, string Event, string EventId, byte[] Body);
