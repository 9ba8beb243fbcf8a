using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// Receives one division's webhook notifications: refuses a body whose <c>HashCode</c> does not match the app's webhook
/// secret (401), answers a replay of a notification accepted within <see cref="ReplayWindow"/> with 200 and does nothing,
/// ignores topics the connector does not sync (200), and tells the engine the record <c>Key</c> names changed. The payload
/// carries only the key: the flow's cycle reads the record (or its tombstone in <c>sync/Deleted</c>).
/// </summary>
internal sealed partial class ExactOnlineWebhookReceiver(string name, string webhookSecret, ISyncChangeNotifications notifications, TimeProvider time, ILogger<ExactOnlineWebhookReceiver> logger)
    : ISyncWebhookReceiver
{
    /// <summary>How long an accepted notification's signature is remembered to refuse its replay.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(1);

    private const int ReplayCapacity = 100_000;

    private readonly RecentDeliveries _accepted = new(ReplayWindow, ReplayCapacity, time, StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public string Name => name;

    /// <inheritdoc />
    public Task<SyncWebhookResponse> ReceiveAsync(SyncWebhookRequest request, CancellationToken cancellationToken) =>
        WebhookPosts.ReceiveAsync(request, Receive);

    private SyncWebhookResponse Receive(SyncWebhookRequest request)
    {
        if (!ExactOnlineWebhookMessage.TryRead(request.Body, out var message))
        {
            return new SyncWebhookResponse(400, "Not an Exact Online webhook notification: a JSON object with Content and HashCode is expected.", "text/plain");
        }

        if (!message!.IsSignedWith(webhookSecret))
        {
            LogForged(logger, name);
            return SyncWebhookResponse.Unauthorized;
        }

        if (!_accepted.TryAdd(message.HashCode))
        {
            LogReplay(logger, name, message.Topic, message.Key);
        }
        else if (message.Topic is { } topic && ExactOnlineWebhookTopics.TypeOf(topic) is { } type && message.Key is { Length: > 0 } key)
        {
            notifications.RemoteChanged(new SyncTarget(name, type), [key]);
        }
        else
        {
            LogIgnored(logger, name, message.Topic);
        }

        return SyncWebhookResponse.Accepted;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{System}: refused a webhook notification whose HashCode does not match the webhook secret")]
    private static partial void LogForged(ILogger logger, string system);

    [LoggerMessage(Level = LogLevel.Information, Message = "{System}: a webhook notification for {Topic} {Key} came again; it was acted on already")]
    private static partial void LogReplay(ILogger logger, string system, string? topic, string? key);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{System}: ignored a webhook notification of topic {Topic}, which no flow syncs")]
    private static partial void LogIgnored(ILogger logger, string system, string? topic);
}
