namespace SesamTalk.Connectors.Notifications;

/// <summary>What every webhook receiver does first: the systems post their events, so any other method is 405.</summary>
internal static class WebhookPosts
{
    private static readonly SyncWebhookResponse MethodNotAllowed = new(405);

    /// <summary>405 for anything but a POST; otherwise what <paramref name="receive"/> answers the post.</summary>
    public static Task<SyncWebhookResponse> ReceiveAsync(SyncWebhookRequest request, Func<SyncWebhookRequest, SyncWebhookResponse> receive)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase) ? receive(request) : MethodNotAllowed);
    }
}
