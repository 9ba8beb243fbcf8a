namespace SesamTalk.Connectors.Salesforce.ChangeEvents;

/// <summary>One Pub/Sub response: its change notifications of the subscribed objects, and the replay id to resume after once they are handled.</summary>
/// <param name="Changes">The notifications, in stream order (empty for a keepalive or a response of other objects only).</param>
/// <param name="ResumeAfter">The replay id (base64) of the response's last event, or a keepalive's latest replay id.</param>
internal sealed record ChangeEventBatch(IReadOnlyList<SalesforceChangeNotification> Changes, string ResumeAfter);
