using System.Security.Cryptography;

namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>
/// The system's webhook subscriptions: created, listed, read and deleted through the API, disabled after
/// <c>disableAfterFailures</c> failed deliveries in a row (or by hand), and matched to the record types written.
/// </summary>
internal sealed class WebhookRegistry(TimeProvider clock, int disableAfterFailures)
{
    private readonly object _gate = new();
    private readonly List<WebhookSubscription> _subscriptions = [];

    public WebhookSubscription Create(Uri url, IReadOnlyList<string> types, string? description, string? secret)
    {
        var subscription = new WebhookSubscription(
            "wh_" + RandomText(12), url, types, description, secret ?? "whsec_" + RandomText(24), clock.GetUtcNow());
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    public IReadOnlyList<CustomWebhook> List()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Select(s => s.Snapshot())];
        }
    }

    public CustomWebhook? Get(string id)
    {
        lock (_gate)
        {
            return Find(id)?.Snapshot();
        }
    }

    /// <summary>Removes the subscription; false when there is none with the id.</summary>
    public bool Delete(string id)
    {
        lock (_gate)
        {
            var subscription = Find(id);
            if (subscription is null)
            {
                return false;
            }

            subscription.Deleted = true;
            return _subscriptions.Remove(subscription);
        }
    }

    /// <summary>The enabled subscriptions that receive events of <paramref name="type"/>.</summary>
    public IReadOnlyList<WebhookSubscription> Receiving(string type)
    {
        lock (_gate)
        {
            return [.. _subscriptions.Where(s => s.DisabledAt is null && s.Receives(type))];
        }
    }

    /// <summary>Whether any enabled subscription receives events of <paramref name="type"/> (asked on every write, so it allocates nothing).</summary>
    public bool AnyReceiving(string type)
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                if (subscription.DisabledAt is null && subscription.Receives(type))
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Whether a delivery to the subscription should still be tried (it is neither deleted nor disabled).</summary>
    public bool Active(WebhookSubscription subscription)
    {
        lock (_gate)
        {
            return !subscription.Deleted && subscription.DisabledAt is null;
        }
    }

    public void Succeeded(WebhookSubscription subscription)
    {
        lock (_gate)
        {
            subscription.ConsecutiveFailures = 0;
        }
    }

    /// <summary>Counts a failed delivery; the one that reaches the limit disables the subscription.</summary>
    public void Failed(WebhookSubscription subscription)
    {
        lock (_gate)
        {
            if (++subscription.ConsecutiveFailures >= disableAfterFailures)
            {
                subscription.DisabledAt ??= clock.GetUtcNow();
            }
        }
    }

    /// <summary>Disables the subscription, as the system's operator would; false when there is none with the id.</summary>
    public bool Disable(string id)
    {
        lock (_gate)
        {
            if (Find(id) is not { } subscription)
            {
                return false;
            }

            subscription.DisabledAt ??= clock.GetUtcNow();
            return true;
        }
    }

    private WebhookSubscription? Find(string id) => _subscriptions.Find(s => string.Equals(s.Id, id, StringComparison.Ordinal));

    private static string RandomText(int bytes) => Convert.ToHexString(RandomNumberGenerator.GetBytes(bytes)).ToLowerInvariant();
}
