using System.Threading.Channels;

namespace SesamTalk.Testing.SuperOffice.Webhooks;

/// <summary>
/// Delivers payloads off the request path, one at a time in the order the events happened: up to
/// <c>1 + retryDelays.Count</c> attempts each (SuperOffice: three, 1 s then 4 s apart), every failed attempt counted
/// against the webhook (<see cref="WebhookRegistry.Report"/>), a payload whose attempts all failed dropped. A webhook
/// that is no longer Active (stopped, TooManyErrors, deleted) gets nothing more, queued payloads included.
/// </summary>
internal sealed class WebhookDispatcher : IAsyncDisposable
{
    private readonly Channel<WebhookDelivery> _queue = Channel.CreateUnbounded<WebhookDelivery>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebhookRegistry _registry;
    private readonly WebhookPoster _poster;
    private readonly IReadOnlyList<TimeSpan> _retryDelays;
    private readonly Task _loop;

    public WebhookDispatcher(WebhookRegistry registry, WebhookPoster poster, IReadOnlyList<TimeSpan> retryDelays)
    {
        _registry = registry;
        _poster = poster;
        _retryDelays = retryDelays;
        _loop = Task.Run(RunAsync);
    }

    public void Enqueue(WebhookDelivery delivery) => _queue.Writer.TryWrite(delivery);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await foreach (var delivery in _queue.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
            {
                await DeliverAsync(delivery, _stopping.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The emulator is stopping: undelivered payloads are dropped, as a stopped server drops its queue.
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        for (var retry = 0; _registry.Find(delivery.WebhookId) is { State: WebhookState.Active } webhook; retry++)
        {
            var error = await _poster.PostAsync(webhook, delivery, retry, cancellationToken).ConfigureAwait(false);
            _registry.Report(delivery.WebhookId, error);
            if (error is null || retry == _retryDelays.Count)
            {
                return;
            }

            await Task.Delay(_retryDelays[retry], cancellationToken).ConfigureAwait(false);
        }
    }
}
