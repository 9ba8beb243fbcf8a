using System.Collections.Concurrent;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.AspNetCore.Tests;

/// <summary>A receiver that keeps every request it gets and answers what the test tells it to.</summary>
internal sealed class RecordingReceiver(string name, SyncWebhookResponse answer) : ISyncWebhookReceiver
{
    public string Name { get; } = name;

    public ConcurrentQueue<SyncWebhookRequest> Requests { get; } = new();

    public Task<SyncWebhookResponse> ReceiveAsync(SyncWebhookRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.FromResult(answer);
    }
}
