namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// Receives one system instance's webhook callbacks: checks the signature over the raw body, refuses forged and replayed
/// callbacks, and turns each accepted event into <see cref="ISyncChangeNotifications.RemoteChanged"/>.
/// <c>app.MapSesamTalkNotifications()</c> mounts every registered receiver at <c>{prefix}/{Name}</c>
/// (<see cref="SyncNotificationOptions.CallbackUrlFor"/>).
/// </summary>
public interface ISyncWebhookReceiver
{
    /// <summary>The receiver's path segment: the system instance's name.</summary>
    string Name { get; }

    /// <summary>Handles one callback and says what to answer.</summary>
    /// <param name="request">The callback as it arrived.</param>
    /// <param name="cancellationToken">The request was aborted.</param>
    Task<SyncWebhookResponse> ReceiveAsync(SyncWebhookRequest request, CancellationToken cancellationToken);
}
