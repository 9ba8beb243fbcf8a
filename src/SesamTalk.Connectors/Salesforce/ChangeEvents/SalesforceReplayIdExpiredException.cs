namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>
/// Salesforce refused a stored replay id (<c>sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted</c>):
/// it is older than the event bus keeps events (72 hours) or not a replay id of this channel. Events since then may be
/// lost: read the objects in full (a polling cycle) and subscribe again without a replay id.
/// </summary>
public sealed class SalesforceReplayIdExpiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="topicName">The channel subscribed to.</param>
    /// <param name="replayId">The refused replay id (base64).</param>
    /// <param name="inner">The gRPC error.</param>
    public SalesforceReplayIdExpiredException(string topicName, string replayId, Exception? inner)
        : base($"Salesforce refused replay id '{replayId}' of {topicName}: it is older than the event bus keeps events (72 hours) or invalid. "
            + "Read the objects in full and subscribe again from the latest event.", inner)
    {
        TopicName = topicName;
        ReplayId = replayId;
    }

    /// <summary>The channel subscribed to, e.g. <c>/data/AccountChangeEvent</c>.</summary>
    public string TopicName { get; }

    /// <summary>The refused replay id (base64).</summary>
    public string ReplayId { get; }
}
