namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// Keeps one system instance's change subscription in place: a Pub/Sub stream, or a webhook registered with the system
/// whose callbacks an <see cref="ISyncWebhookReceiver"/> receives. Each system registration adds one per instance; the
/// engine's notification service runs it with the remote types the host's flows sync with that instance.
/// </summary>
public interface ISyncChangeSource
{
    /// <summary>The system instance's name (as the host's flows name it in <see cref="SyncTarget.System"/>).</summary>
    string System { get; }

    /// <summary>
    /// Subscribes for <paramref name="remoteTypes"/> and keeps the subscription until <paramref name="cancellationToken"/>
    /// fires: reports each type live through <see cref="ISyncChangeNotifications.SourceState"/> once subscribed, passes on
    /// what the stream delivers, checks a webhook's registration now and then, and reports a type lost (then subscribes
    /// again) when the system drops or expires it. Throws only for a subscription the system refuses for good.
    /// </summary>
    /// <param name="remoteTypes">The remote types to receive changes of.</param>
    /// <param name="notifications">Where to report changes and states.</param>
    /// <param name="cancellationToken">Ends the subscription (the host is stopping).</param>
    Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken);
}
