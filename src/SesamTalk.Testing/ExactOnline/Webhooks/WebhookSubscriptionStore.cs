namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>The division's webhook subscriptions in key order (the order Exact pages in); safe across threads.</summary>
internal sealed class WebhookSubscriptionStore
{
    private readonly SortedDictionary<Guid, ExactOnlineWebhookSubscription> _byId = [];
    private readonly object _gate = new();

    public IReadOnlyList<ExactOnlineWebhookSubscription> All
    {
        get
        {
            lock (_gate)
            {
                return [.. _byId.Values];
            }
        }
    }

    public ExactOnlineWebhookSubscription? Find(Guid id)
    {
        lock (_gate)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    public IReadOnlyList<ExactOnlineWebhookSubscription> OfTopic(string topic)
    {
        lock (_gate)
        {
            return [.. _byId.Values.Where(s => s.Topic == topic)];
        }
    }

    /// <summary>Adds the subscription unless one for the same topic and callback URL exists; returns that one then.</summary>
    public ExactOnlineWebhookSubscription? AddUnlessDuplicate(ExactOnlineWebhookSubscription subscription)
    {
        lock (_gate)
        {
            if (_byId.Values.FirstOrDefault(s => s.Topic == subscription.Topic && s.CallbackUrl == subscription.CallbackUrl) is { } existing)
            {
                return existing;
            }

            _byId.Add(subscription.Id, subscription);
            return null;
        }
    }

    public bool Remove(Guid id)
    {
        lock (_gate)
        {
            return _byId.Remove(id);
        }
    }
}
