namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// Change notifications (section <c>SesamTalk:Notifications</c>): whether the engine subscribes to the systems'
/// changes, where their webhooks reach the host, how long it gathers a burst and how often it still polls.
/// </summary>
public sealed class SyncNotificationOptions
{
    /// <summary>Whether change sources run and notifications trigger cycles. Default false: polling alone.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The public address <c>app.MapSesamTalkNotifications()</c> is reachable at from the systems, e.g.
    /// <c>https://shop.example.com/sesamtalk/notifications</c>. Required for webhook systems (Exact Online, SuperOffice,
    /// custom systems); Salesforce's Pub/Sub stream needs none.
    /// </summary>
    public Uri? CallbackBaseUrl { get; set; }

    /// <summary>How long notifications for a flow are gathered before its cycle runs, so a burst makes one cycle. Default 250 ms.</summary>
    public TimeSpan CoalesceWindow { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How often a flow whose every side notifies still polls, as the safety net. Default one hour. A flow with a side
    /// that does not notify, or whose subscription is lost, polls at the schedule's normal interval.
    /// </summary>
    public TimeSpan SafetyPollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// Whether the host tells the engine about its saves (the EF Core store does by itself; other hosts call
    /// <c>NotifyChangedAsync</c>): then the host side of a flow counts as notifying. Default false.
    /// </summary>
    public bool HostNotifies { get; set; }

    /// <summary>The callback address of the receiver named <paramref name="receiverName"/>: <see cref="CallbackBaseUrl"/> plus its name.</summary>
    /// <param name="receiverName">The receiver's <see cref="ISyncWebhookReceiver.Name"/>.</param>
    /// <exception cref="InvalidOperationException"><see cref="CallbackBaseUrl"/> is not set.</exception>
    public Uri CallbackUrlFor(string receiverName)
    {
        ArgumentException.ThrowIfNullOrEmpty(receiverName);
        if (CallbackBaseUrl is null)
        {
            throw new InvalidOperationException("Set SesamTalk:Notifications:CallbackBaseUrl to the public address of MapSesamTalkNotifications, so the systems' webhooks can reach the host.");
        }

        return new Uri(CallbackBaseUrl.ToString().TrimEnd('/') + "/" + Uri.EscapeDataString(receiverName.ToLowerInvariant()));
    }
}
