using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>
/// Keeps one custom system's webhook subscription in place (<c>docs/custom-system-contract.md</c>, section 11): one
/// subscription for all the flows' types, to the host's callback URL, signed with
/// <see cref="CustomConnectorOptions.WebhookSecret"/>. At start it reuses the subscription it made before (same URL,
/// types and secret, still enabled) and replaces any other at its URL; every
/// <see cref="CustomConnectorOptions.WebhookCheckInterval"/> it checks the subscription, and when the system disabled or
/// deleted it, reports the types lost (so the engine runs full cycles and polls), subscribes again and reports them live.
/// </summary>
/// <remarks>
/// Webhooks are opt-in per system: without <see cref="CustomConnectorOptions.WebhookSecret"/> the source subscribes to
/// nothing and reports nothing, so the system's flows keep polling (a system that serves the contract without its
/// webhooks section, e.g. one mounted with <c>MapCustomSystem</c>, is synced as before).
/// The secret comes from the options rather than from the system's answer, so it survives restarts without a store of
/// its own; the subscription's description carries a fingerprint of it (a hash, never the secret), by which a changed
/// secret is noticed. The subscription is left in place when the host stops, so a restart picks it up again and
/// deliveries that failed meanwhile arrive through the system's retries.
/// </remarks>
public sealed class CustomChangeSource : ISyncChangeSource
{
    private static readonly Action<ILogger, string, string, Exception?> LogLive = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(1, "CustomWebhookLive"), "Webhook subscription {SubscriptionId} of {System} is in place.");

    private static readonly Action<ILogger, string, string, Exception?> LogLost = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(2, "CustomWebhookLost"), "Webhook subscription of {System} is lost: {Reason}; subscribing again.");

    private static readonly Action<ILogger, string, Exception?> LogCheckFailed = LoggerMessage.Define<string>(
        LogLevel.Warning, new EventId(3, "CustomWebhookCheckFailed"), "Could not check the webhook subscription of {System}; trying again later.");

    private static readonly Action<ILogger, string, Exception?> LogPolled = LoggerMessage.Define<string>(
        LogLevel.Information, new EventId(4, "CustomWebhookNotConfigured"), "{System} has no WebhookSecret: it is not subscribed to, and its flows poll.");

    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromSeconds(5);

    private readonly CustomWebhookClient _client;
    private readonly CustomConnectorOptions _options;
    private readonly Func<Uri> _callbackUrl;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;

    /// <summary>Creates the source (<c>AddCustomSystem</c> does this for each system).</summary>
    /// <param name="api">The system's client.</param>
    /// <param name="options">The system's options.</param>
    /// <param name="callbackUrl">The receiver's public URL (<see cref="SyncNotificationOptions.CallbackUrlFor"/>), asked when the source starts.</param>
    /// <param name="clock">The clock of the checks.</param>
    /// <param name="logger">Where state changes are logged (never the secret).</param>
    public CustomChangeSource(CustomSystemClient api, CustomConnectorOptions options, Func<Uri> callbackUrl, TimeProvider clock, ILogger<CustomChangeSource> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        System = api.System;
        _client = new CustomWebhookClient(api);
        _options = options;
        _callbackUrl = callbackUrl;
        _clock = clock;
        _logger = logger;
    }

    /// <inheritdoc />
    public string System { get; }

    /// <inheritdoc />
    public async Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteTypes);
        ArgumentNullException.ThrowIfNull(notifications);
        var types = remoteTypes.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        try
        {
            if (_options.WebhookSecret.Length == 0 || types.Count == 0)
            {
                // Webhooks are the optional part of the contract: without a secret the system is not subscribed and
                // its flows keep polling at the normal interval. Waiting (rather than returning) keeps it that way.
                LogPolled(_logger, System, null);
                await Task.Delay(Timeout.InfiniteTimeSpan, _clock, cancellationToken).ConfigureAwait(false);
            }

            await KeepAsync(_callbackUrl(), types, notifications, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The host is stopping; the subscription stays for the next start.
        }
    }

    /// <summary>Subscribes, then checks now and then; a lost subscription is reported and replaced, an unreachable system tried again with growing waits.</summary>
    private async Task KeepAsync(Uri url, IReadOnlyList<string> types, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
    {
        var description = $"SesamTalk, secret {Fingerprint(_options.WebhookSecret)}";
        var retryDelay = FirstRetryDelay;
        string? subscription = null;
        while (true)
        {
            try
            {
                if (subscription is null)
                {
                    subscription = await SubscribeAsync(url, types, description, cancellationToken).ConfigureAwait(false);
                    Report(notifications, types, live: true, null);
                    LogLive(_logger, subscription, System, null);
                    retryDelay = FirstRetryDelay;
                }

                await Task.Delay(_options.WebhookCheckInterval, _clock, cancellationToken).ConfigureAwait(false);
                var lost = await CheckAsync(subscription, cancellationToken).ConfigureAwait(false);
                if (lost is not null)
                {
                    LogLost(_logger, System, lost, null);
                    Report(notifications, types, live: false, lost);
                    subscription = null;
                }
            }
            catch (CustomSystemException error) when (Refused(error))
            {
                Report(notifications, types, live: false, $"{System} refused the webhook subscription: {error.ErrorCode} ({error.RemoteMessage})");
                throw;
            }
            catch (Exception error) when (Transient(error, cancellationToken))
            {
                if (subscription is not null)
                {
                    LogCheckFailed(_logger, System, error);
                    continue;
                }

                LogLost(_logger, System, "the system cannot be reached", error);
                Report(notifications, types, live: false, $"{System} cannot be reached to subscribe to its webhooks.");
                await Task.Delay(retryDelay, _clock, cancellationToken).ConfigureAwait(false);
                retryDelay = TimeSpan.FromTicks(Math.Min(retryDelay.Ticks * 2, _options.WebhookCheckInterval.Ticks));
            }
        }
    }

    /// <summary>Why the subscription no longer delivers (it was deleted, or disabled: then it is deleted), or null when it is fine.</summary>
    private async Task<string?> CheckAsync(string subscription, CancellationToken cancellationToken)
    {
        var current = await _client.GetAsync(subscription, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return $"{System} deleted webhook subscription {subscription}";
        }

        if (!current.Enabled)
        {
            await _client.DeleteAsync(subscription, cancellationToken).ConfigureAwait(false);
            return $"{System} disabled webhook subscription {subscription} (deliveries failed)";
        }

        return null;
    }

    /// <summary>Reuses the subscription at <paramref name="url"/> made for these types with this secret, deleting any other there; else creates one.</summary>
    private async Task<string> SubscribeAsync(Uri url, IReadOnlyList<string> types, string description, CancellationToken cancellationToken)
    {
        string? reused = null;
        foreach (var existing in await _client.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (existing.Url != url)
            {
                continue;
            }

            var same = reused is null && existing.Enabled && existing.Description == description
                && existing.Types.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(types, StringComparer.OrdinalIgnoreCase);
            if (same)
            {
                reused = existing.Id;
            }
            else
            {
                await _client.DeleteAsync(existing.Id, cancellationToken).ConfigureAwait(false);
            }
        }

        return reused ?? (await _client.CreateAsync(url, types, description, _options.WebhookSecret, cancellationToken).ConfigureAwait(false)).Id;
    }

    private void Report(ISyncChangeNotifications notifications, IReadOnlyList<string> types, bool live, string? reason)
    {
        foreach (var type in types)
        {
            notifications.SourceState(new SyncTarget(System, type), live, reason);
        }
    }

    /// <summary>A 4xx other than 408 and 429: the system will not take this subscription (no webhooks, a bad URL, a wrong key).</summary>
    private static bool Refused(CustomSystemException error) =>
        (int)error.Status is >= 400 and < 500 && error.Status is not (HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests);

    private static bool Transient(Exception error, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && error is HttpRequestException or SystemApiException or TaskCanceledException;

    /// <summary>A short hash of the secret: tells a subscription made with this secret from one made with another, and reveals nothing of it.</summary>
    private static string Fingerprint(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("sesamtalk-webhook-secret:" + secret)), 0, 8).ToLowerInvariant();
}
