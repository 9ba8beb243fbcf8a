namespace SesamTalk.Connectors.Notifications;

/// <summary>
/// The engine's inbox for change notifications: what a system or the host says changed, so the flows concerned run a
/// cycle within seconds instead of at their next poll. Notifications are coalesced per flow (a burst of edits makes one
/// cycle) and deduplicated; a notification is a hint, never data: the cycle reads the records and applies the same
/// promises as a polled one. Registered by <c>AddEngine</c>; the change sources, the webhook receivers and the host's
/// <c>NotifyChangedAsync</c> write to it.
/// </summary>
public interface ISyncChangeNotifications
{
    /// <summary>Records of <paramref name="target"/> changed in the remote system: every flow with that target runs soon.</summary>
    /// <param name="target">The system instance and remote type, e.g. <c>("Salesforce", "Product2")</c>.</param>
    /// <param name="remoteIds">The changed records' ids, or empty when the source does not say which.</param>
    void RemoteChanged(SyncTarget target, IReadOnlyCollection<string> remoteIds);

    /// <summary>Records of the host entity <paramref name="entity"/> were saved: every flow of the entity runs soon.</summary>
    /// <param name="entity">The entity's name in the model (<see cref="ISyncEntityDefinition.Name"/>).</param>
    /// <param name="hostIds">The saved records' ids, or empty when unknown.</param>
    void HostChanged(string entity, IReadOnlyCollection<string> hostIds);

    /// <summary>
    /// Whether notifications for <paramref name="target"/> arrive: while they do, its flows poll only at the safety
    /// interval; when a subscription is lost or expired (<paramref name="live"/> false) they poll at the normal interval
    /// again, run a full cycle at once so nothing sent meanwhile is missed, and health says why.
    /// </summary>
    /// <param name="target">The system instance and remote type.</param>
    /// <param name="live">True when the subscription is in place and delivering.</param>
    /// <param name="reason">Why it is not live (for health and logs; never secrets), or null.</param>
    void SourceState(SyncTarget target, bool live, string? reason);
}
