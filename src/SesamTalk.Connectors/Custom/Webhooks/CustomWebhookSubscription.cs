namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>A webhook subscription as a custom system lists it (<c>GET /webhooks</c>).</summary>
/// <param name="Id">The system's id of the subscription.</param>
/// <param name="Url">Where the system posts its events.</param>
/// <param name="Types">The record types it receives events of.</param>
/// <param name="Description">The subscriber's note, or null.</param>
/// <param name="Enabled">False once the system disabled it (too many failed deliveries).</param>
internal sealed record CustomWebhookSubscription(string Id, Uri Url, IReadOnlyList<string> Types, string? Description, bool Enabled);
