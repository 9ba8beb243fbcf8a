namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>
/// The tenant's webhooks, numbered from 1. Hands out copies, so a delivery in flight sees one consistent definition;
/// counts consecutive failed posts per webhook and sets it <see cref="WebhookState.TooManyErrors"/> at the limit.
/// </summary>
internal sealed class WebhookRegistry
{
    /// <summary>Consecutive failed posts after which SuperOffice stops a webhook (three cycles of three attempts).</summary>
    public const int FailuresBeforeStop = 9;

    private readonly SortedDictionary<int, WebhookDefinition> _webhooks = [];
    private readonly object _gate = new();
    private int _lastId;

    public IReadOnlyList<WebhookDefinition> All()
    {
        lock (_gate)
        {
            return [.. _webhooks.Values.Select(w => w.Copy())];
        }
    }

    public WebhookDefinition? Find(int id)
    {
        lock (_gate)
        {
            return _webhooks.GetValueOrDefault(id)?.Copy();
        }
    }

    /// <summary>The webhooks that post <paramref name="eventName"/> now.</summary>
    public IReadOnlyList<WebhookDefinition> Listening(string eventName)
    {
        lock (_gate)
        {
            return [.. _webhooks.Values.Where(w => w.Listens(eventName)).Select(w => w.Copy())];
        }
    }

    /// <summary>Stores a new webhook (a new id) or replaces an existing one; false when the one to replace is gone.</summary>
    public bool Save(WebhookDefinition webhook)
    {
        lock (_gate)
        {
            if (webhook.WebhookId == 0)
            {
                webhook.WebhookId = ++_lastId;
            }
            else if (!_webhooks.ContainsKey(webhook.WebhookId))
            {
                return false;
            }

            _webhooks[webhook.WebhookId] = webhook.Copy();
            return true;
        }
    }

    public bool Remove(int id)
    {
        lock (_gate)
        {
            return _webhooks.Remove(id);
        }
    }

    /// <summary>Counts a post's outcome: success clears the count, the <see cref="FailuresBeforeStop"/>th failure in a row stops the webhook.</summary>
    public void Report(int id, string? error)
    {
        lock (_gate)
        {
            if (!_webhooks.TryGetValue(id, out var webhook))
            {
                return;
            }

            if (error is null)
            {
                webhook.ConsecutiveErrors = 0;
                return;
            }

            webhook.LastError = error;
            if (++webhook.ConsecutiveErrors >= FailuresBeforeStop && webhook.State == WebhookState.Active)
            {
                webhook.State = WebhookState.TooManyErrors;
            }
        }
    }
}
