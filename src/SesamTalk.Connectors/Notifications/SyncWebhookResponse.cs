namespace SesamTalk.Connectors.Notifications;

/// <summary>What to answer a webhook callback.</summary>
/// <param name="StatusCode">The HTTP status: 200 for an accepted or duplicate event, 401 for a bad signature, 400 for a body that is not the system's event.</param>
/// <param name="Body">A body to send, or null for none.</param>
/// <param name="ContentType">The body's media type, or null.</param>
public sealed record SyncWebhookResponse(int StatusCode, string? Body = null, string? ContentType = null)
{
    /// <summary>200 with no body: accepted (or a duplicate, accepted again so the system stops retrying).</summary>
    public static SyncWebhookResponse Accepted { get; } = new(200);

    /// <summary>401: the signature is missing or does not match; nothing was done.</summary>
    public static SyncWebhookResponse Unauthorized { get; } = new(401);
}
