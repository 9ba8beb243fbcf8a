namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// The division's <c>webhooks/WebhookSubscriptions</c> resource through the division's <see cref="ExactOnlineClient"/>
/// (its token, retries and rate-limit pacing): list the app's subscriptions, and subscribe a callback URL to a topic.
/// </summary>
internal sealed class ExactOnlineWebhookSubscriptions(ExactOnlineClient client)
{
    private static readonly ExactOnlineEntitySet Set = new("WebhookSubscriptions", "webhooks/WebhookSubscriptions", "ID", null, HasModified: false);

    /// <summary>The app's subscriptions in the division: each one's topic and callback URL.</summary>
    public async Task<IReadOnlyList<(string Topic, string CallbackUrl)>> ListAsync(CancellationToken cancellationToken)
    {
        var subscriptions = new List<(string, string)>();
        await foreach (var row in client.FilterAsync(Set, ["Topic", "CallbackURL"], null, cancellationToken).ConfigureAwait(false))
        {
            subscriptions.Add((row["Topic"].AsString() ?? "", row["CallbackURL"].AsString() ?? ""));
        }

        return subscriptions;
    }

    /// <summary>Subscribes <paramref name="callbackUrl"/> to <paramref name="topic"/>.</summary>
    /// <exception cref="ExactOnlineApiException">Exact refused the subscription.</exception>
    public Task CreateAsync(string topic, Uri callbackUrl, CancellationToken cancellationToken)
    {
        var subscription = new SyncRecord(Set.Name)
        {
            ["Topic"] = SyncValue.From(topic),
            ["CallbackURL"] = SyncValue.From(callbackUrl.AbsoluteUri),
            ["Description"] = SyncValue.From("SesamTalk"),
        };
        return client.CreateAsync(Set, subscription, cancellationToken);
    }
}
