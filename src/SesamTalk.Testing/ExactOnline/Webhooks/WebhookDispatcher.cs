using System.Text;
using System.Threading.Channels;
using SesamTalk.Testing.ExactOnline.Data;
using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>
/// Posts the notifications of the division's writes to the subscriptions of their topic, off the writing request's
/// path: a write queues one message per subscription and one background loop posts them over HTTP, one at a time. An
/// attempt that gets no 2xx answer (an error status, a refused connection, a timeout) is tried again after the next
/// delay of <see cref="ExactOnlineEmulatorOptions.WebhookRetryDelays"/>, unless the subscription is gone meanwhile.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";

    private readonly ExactOnlineDivision _division;
    private readonly Channel<Delivery> _queue = Channel.CreateUnbounded<Delivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly HttpClient _http;
    private readonly List<ExactOnlineWebhookDelivery> _log = [];
    private readonly Task _loop;
    private readonly DroppedDeliveries _dropped = new();

    public WebhookDispatcher(ExactOnlineDivision division)
    {
        _division = division;
        _http = new HttpClient { Timeout = division.Options.WebhookTimeout };
        _loop = Task.Run(PostQueuedAsync);
    }

    public WebhookSubscriptionStore Subscriptions { get; } = new();

    public IReadOnlyList<ExactOnlineWebhookDelivery> Deliveries
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Loses the next <paramref name="count"/> notifications (no attempt, no retry), as an outage at Exact would.</summary>
    public void Drop(int count) => _dropped.Add(count);

    /// <summary>Queues the notifications a write of <paramref name="record"/> fires; a line's write is an update of its header.</summary>
    public void Raise(EntityRecord record, string action)
    {
        if (WebhookTopics.Of(record) is not var (set, key))
        {
            return;
        }

        var change = new WebhookEvent(
            set.Name, _division.Options.ClientId, _division.Number, set == record.Schema ? action : Update, key, _division.Urls.Entity(set, key), _division.Now);
        foreach (var subscription in Subscriptions.OfTopic(set.Name))
        {
            if (!_dropped.TryTake())
            {
                _queue.Writer.TryWrite(new Delivery(subscription, WebhookMessage.Create(change, _division.Options.WebhookSecret), 1));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _http.Dispose();
        _stopping.Dispose();
    }


    private async Task PostQueuedAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                if (Subscriptions.Find(delivery.Subscription.Id) is null)
                {
                    continue;
                }

                var attempt = await PostAsync(delivery).ConfigureAwait(false);
                lock (_log)
                {
                    _log.Add(attempt);
                }

                var delays = _division.Options.WebhookRetryDelays;
                if (!attempt.Succeeded && delivery.Attempt <= delays.Count)
                {
                    _ = RetryLaterAsync(delivery with { Attempt = delivery.Attempt + 1 }, delays[delivery.Attempt - 1]);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The emulator is stopping: queued notifications are not sent.
        }
    }

    private async Task<ExactOnlineWebhookDelivery> PostAsync(Delivery delivery)
    {
        var (subscription, body, attempt) = delivery;
        try
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync(subscription.CallbackUrl, content, _stopping.Token).ConfigureAwait(false);
            return new(subscription.Id, subscription.CallbackUrl, attempt, body, (int)response.StatusCode, null);
        }
        catch (HttpRequestException error)
        {
            return new(subscription.Id, subscription.CallbackUrl, attempt, body, null, error.Message);
        }
        catch (TaskCanceledException) when (!_stopping.IsCancellationRequested)
        {
            return new(subscription.Id, subscription.CallbackUrl, attempt, body, null, $"No answer within {_http.Timeout}.");
        }
    }

    private async Task RetryLaterAsync(Delivery next, TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _division.Clock, _stopping.Token).ConfigureAwait(false);
            _queue.Writer.TryWrite(next);
        }
        catch (OperationCanceledException)
        {
            // The emulator stopped before the retry was due.
        }
    }

    private sealed record Delivery(ExactOnlineWebhookSubscription Subscription, string Body, int Attempt);
}
