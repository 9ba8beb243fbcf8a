using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// Keeps one webhook subscription per topic of the flows' remote types in the division, all to the division's receiver
/// (<see cref="SyncNotificationOptions.CallbackUrlFor"/>): reuses one with the same topic and callback URL, creates the
/// missing ones, and reports each type live. Every <c>checkInterval</c> it lists the subscriptions again: one that vanished
/// (revoked, or dropped by Exact) is reported lost, so the engine polls and runs a full cycle, and is created again. A
/// type without a topic is reported not live at once, so its flows keep polling.
/// </summary>
internal sealed partial class ExactOnlineChangeSource(
    string system, ExactOnlineWebhookSubscriptions subscriptions, Uri callbackUrl, TimeSpan checkInterval, TimeProvider time, ILogger<ExactOnlineChangeSource> logger)
    : ISyncChangeSource
{
    /// <inheritdoc />
    public string System => system;

    /// <inheritdoc />
    public async Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteTypes);
        ArgumentNullException.ThrowIfNull(notifications);
        var states = new TopicStates(system, notifications);
        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in remoteTypes.Distinct(StringComparer.Ordinal))
        {
            if (ExactOnlineWebhookTopics.TopicOf(type) is { } topic)
            {
                topics.Add(type, topic);
            }
            else
            {
                states.Report(type, false, $"Exact Online has no webhook topic for {type}; its flows poll.");
            }
        }

        using var timer = new PeriodicTimer(checkInterval, time);
        try
        {
            if (topics.Count == 0)
            {
                // Nothing to subscribe: stay (ending would count as a lost subscription) until the host stops.
                await Task.Delay(Timeout.InfiniteTimeSpan, time, cancellationToken).ConfigureAwait(false);
            }

            do
            {
                await CheckAsync(topics, states, cancellationToken).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping; the subscriptions stay in Exact for the next start to reuse.
        }
    }

    private async Task CheckAsync(Dictionary<string, string> topics, TopicStates states, CancellationToken cancellationToken)
    {
        IReadOnlyList<(string Topic, string CallbackUrl)> existing;
        try
        {
            existing = await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (IsCallFailure(error, cancellationToken))
        {
            LogCheckFailed(logger, system, error.Message);
            return;
        }

        foreach (var (type, topic) in topics)
        {
            if (existing.Any(s => s.Topic == topic && string.Equals(s.CallbackUrl, callbackUrl.AbsoluteUri, StringComparison.OrdinalIgnoreCase)))
            {
                states.Report(type, true, null);
                continue;
            }

            if (states.IsLive(type))
            {
                states.Report(type, false, $"The webhook subscription for {topic} is gone from Exact Online; subscribing again.");
            }

            try
            {
                await subscriptions.CreateAsync(topic, callbackUrl, cancellationToken).ConfigureAwait(false);
                LogSubscribed(logger, system, topic, callbackUrl);
                states.Report(type, true, null);
            }
            catch (Exception error) when (IsCallFailure(error, cancellationToken))
            {
                states.Report(type, false, $"Exact Online did not take the webhook subscription for {topic}: {error.Message}");
            }
        }
    }

    private static bool IsCallFailure(Exception error, CancellationToken cancellationToken) =>
        error is SystemApiException or HttpRequestException or ExactOnlineAuthenticationException
        || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(Level = LogLevel.Information, Message = "{System}: subscribed {CallbackUrl} to the webhook topic {Topic}")]
    private static partial void LogSubscribed(ILogger logger, string system, string topic, Uri callbackUrl);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{System}: could not list the webhook subscriptions ({Reason}); checking again at the next interval")]
    private static partial void LogCheckFailed(ILogger logger, string system, string reason);

    /// <summary>What was last reported per remote type, so a state is reported once when it changes.</summary>
    private sealed class TopicStates(string system, ISyncChangeNotifications notifications)
    {
        private readonly Dictionary<string, bool> _live = new(StringComparer.Ordinal);

        public bool IsLive(string type) => _live.GetValueOrDefault(type);

        public void Report(string type, bool live, string? reason)
        {
            if (_live.TryGetValue(type, out var was) && was == live)
            {
                return;
            }

            _live[type] = live;
            notifications.SourceState(new SyncTarget(system, type), live, reason);
        }
    }
}
