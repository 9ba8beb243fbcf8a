namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// The webhook topics of the entity sets the connector syncs: Exact names each topic as the set (<c>Accounts</c>,
/// <c>Items</c>, <c>Quotations</c>, <c>SalesOrders</c>), and the set's name is the remote type of its records. Line sets
/// have no topic of their own: a line's change is notified as its header's.
/// </summary>
internal static class ExactOnlineWebhookTopics
{
    private static readonly HashSet<string> Topics = new(StringComparer.Ordinal)
    {
        ExactOnlineEntitySet.Accounts.Name, ExactOnlineEntitySet.Items.Name, ExactOnlineEntitySet.Quotations.Name, ExactOnlineEntitySet.SalesOrders.Name,
    };

    /// <summary>The topic that notifies changes of <paramref name="remoteType"/>, or null when Exact has none the connector knows.</summary>
    public static string? TopicOf(string remoteType) => Topics.TryGetValue(remoteType, out var topic) ? topic : null;

    /// <summary>The remote type a notification of <paramref name="topic"/> is about, or null for a topic the connector does not sync.</summary>
    public static string? TypeOf(string topic) => Topics.TryGetValue(topic, out var type) ? type : null;
}
