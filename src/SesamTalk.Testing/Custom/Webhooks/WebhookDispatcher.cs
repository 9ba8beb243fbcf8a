using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using SesamTalk.Testing.Custom.Emulation;
using SesamTalk.Testing.Faults;

namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>
/// Delivers the system's writes to its webhook subscriptions, off the request path: gathers writes for a moment, makes
/// one event per type and action (up to <see cref="MaxIdsPerEvent"/> ids), and posts it, signed, to every enabled
/// subscription of the type over real HTTP; a delivery that fails (no answer in time, or not 2xx) is retried on the
/// schedule and counts towards disabling the subscription. Tests may drop deliveries and read the log of every try.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    public const int MaxIdsPerEvent = 100;

    private readonly Channel<RecordWrite> _writes = Channel.CreateUnbounded<RecordWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Task, byte> _deliveries = new();
    private readonly List<CustomWebhookDelivery> _log = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly WebhookRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly TimeSpan _gatherWindow;
    private readonly HttpClient _http;
    private readonly Task _loop;
    private readonly DroppedDeliveries _dropped = new();

    public WebhookDispatcher(WebhookRegistry registry, TimeProvider clock, CustomSystemEmulatorOptions options)
    {
        _registry = registry;
        _clock = clock;
        _retryDelays = [.. options.WebhookRetryDelays];
        _gatherWindow = options.WebhookGatherWindow;
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            Timeout = options.WebhookTimeout,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("SesamTalk-Webhooks", "1.0"));
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Every delivery try so far, oldest first.</summary>
    public IReadOnlyList<CustomWebhookDelivery> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    /// <summary>Takes a committed write; its event goes out after the gather window, to the subscriptions of its type.</summary>
    public void Publish(RecordWrite write)
    {
        if (_registry.AnyReceiving(write.Type))
        {
            _writes.Writer.TryWrite(write);
        }
    }

    /// <summary>Loses the next <paramref name="count"/> deliveries: never sent, never retried, as if lost for good.</summary>
    public void Drop(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _dropped.Add(count);
    }

    public async ValueTask DisposeAsync()
    {
        _writes.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await Task.WhenAll(_deliveries.Keys).ConfigureAwait(false);
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var reader = _writes.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_stop.Token).ConfigureAwait(false))
            {
                if (_gatherWindow > TimeSpan.Zero)
                {
                    await Task.Delay(_gatherWindow, _clock, _stop.Token).ConfigureAwait(false);
                }

                var writes = new List<RecordWrite>();
                while (reader.TryRead(out var write))
                {
                    writes.Add(write);
                }

                foreach (var change in Events(writes))
                {
                    foreach (var subscription in _registry.Receiving(change.Type))
                    {
                        var delivery = DeliverAsync(subscription, change);
                        _deliveries.TryAdd(delivery, 0);
                        _ = delivery.ContinueWith(done => _deliveries.TryRemove(done, out _), TaskScheduler.Default);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed: events not yet sent are dropped with the system.
        }
    }

    /// <summary>The writes as events: one per type and action, in order of the first write, each record once, at most <see cref="MaxIdsPerEvent"/> ids.</summary>
    private IEnumerable<WebhookEvent> Events(List<RecordWrite> writes)
    {
        var now = _clock.GetUtcNow();
        return writes
            .GroupBy(w => (w.Type, w.Action))
            .SelectMany(group => group.Select(w => w.Id).Distinct(StringComparer.Ordinal).Chunk(MaxIdsPerEvent)
                .Select(ids => new WebhookEvent("evt_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant(), group.Key.Type, group.Key.Action, ids, now)));
    }

    private async Task DeliverAsync(WebhookSubscription subscription, WebhookEvent change)
    {
        var body = Encoding.UTF8.GetBytes(WebhookJson.Event(change).ToJsonString());
        try
        {
            for (var attempt = 1; _registry.Active(subscription); attempt++)
            {
                if (_dropped.TryTake())
                {
                    Record(subscription, change, attempt, null, dropped: true);
                    return;
                }

                var status = await SendAsync(subscription, change, body, attempt).ConfigureAwait(false);
                Record(subscription, change, attempt, status, dropped: false);
                if (status is >= 200 and < 300)
                {
                    _registry.Succeeded(subscription);
                    return;
                }

                _registry.Failed(subscription);
                if (attempt > _retryDelays.Count)
                {
                    return;
                }

                await Task.Delay(_retryDelays[attempt - 1], _clock, _stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed while waiting to retry.
        }
    }

    /// <summary>One try: the receiver's status, or null when it did not answer in time or could not be reached.</summary>
    private async Task<int?> SendAsync(WebhookSubscription subscription, WebhookEvent change, byte[] body, int attempt)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("SesamTalk-Webhook-Id", subscription.Id);
        request.Headers.Add("SesamTalk-Event-Id", change.Id);
        request.Headers.Add("SesamTalk-Delivery-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(subscription.Secret, _clock.GetUtcNow().ToUnixTimeSeconds(), body));
        try
        {
            using var response = await _http.SendAsync(request, _stop.Token).ConfigureAwait(false);
            return (int)response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!_stop.IsCancellationRequested)
        {
            return null; // the timeout
        }
    }


    private void Record(WebhookSubscription subscription, WebhookEvent change, int attempt, int? status, bool dropped)
    {
        lock (_log)
        {
            _log.Add(new CustomWebhookDelivery(change.Id, subscription.Id, change.Type, change.Action, change.Ids, attempt, status, dropped, _clock.GetUtcNow()));
        }
    }
}
