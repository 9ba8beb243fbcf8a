using System.Net;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>
/// Keeps one SuperOffice webhook for a tenant: registers it (or takes over the one already posting to the same
/// callback URL) for the created, changed and deleted events of the synced types that have events, signed with the
/// tenant's webhook secret, and reports those types live. Every check interval it reads the webhook back: gone, or
/// stopped by SuperOffice (TooManyErrors after nine failed posts) or by someone else, it reports the types lost (so
/// their flows poll and run a full cycle), registers or sets it Active again and reports them live. Quote alternatives,
/// quote lines and products have no events: they are never reported live and stay on polling (a run for those alone
/// registers nothing and idles until the host stops). A tenant whose app may
/// not use the Webhook agent (403) ends the source with that error; other failures are tried again with backoff.
/// </summary>
internal sealed class SuperOfficeChangeSource : ISyncChangeSource
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);

    private readonly SuperOfficeWebhookApi _api;
    private readonly Uri _callbackUrl;
    private readonly string _secret;
    private readonly TimeSpan _checkInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public SuperOfficeChangeSource(string system, SuperOfficeWebhookApi api, Uri callbackUrl, string secret, TimeSpan checkInterval, TimeProvider time, ILogger<SuperOfficeChangeSource> logger)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(checkInterval, TimeSpan.Zero);
        System = system;
        _api = api;
        _callbackUrl = callbackUrl;
        _secret = secret;
        _checkInterval = checkInterval;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public string System { get; }

    /// <summary>The name the source gives its webhook (each payload's <c>WebhookName</c>).</summary>
    public string WebhookName => "SesamTalk " + System;

    /// <inheritdoc />
    public async Task RunAsync(IReadOnlyCollection<string> remoteTypes, ISyncChangeNotifications notifications, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(remoteTypes);
        ArgumentNullException.ThrowIfNull(notifications);
        var entities = remoteTypes.Select(type => (Type: type, Entity: SuperOfficeEntity.Find(type))).ToList();
        var watched = entities.Where(e => e.Entity is not null && SuperOfficeWebhookEvents.EventEntity(e.Entity) is not null).ToList();
        if (watched.Count < entities.Count)
        {
            SuperOfficeWebhookLog.Polled(_logger, System, string.Join(", ", entities.Except(watched).Select(e => e.Type)));
        }

        if (watched.Count == 0)
        {
            // Nothing to subscribe to; ending would read as a lost subscription, so the source idles until the host stops.
            await IdleAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
            return;
        }

        var wanted = new SuperOfficeWebhook(0, WebhookName, [.. watched.SelectMany(e => SuperOfficeWebhookEvents.For(e.Entity!)).Distinct()],
            _callbackUrl.AbsoluteUri, _secret, SuperOfficeWebhookState.Active);
        bool? reported = null;
        void Report(bool live, string? reason)
        {
            // A webhook that stays stopped while it cannot be set Active again is lost once, not at every try.
            if (reported == live)
            {
                return;
            }

            reported = live;
            foreach (var (type, _) in watched)
            {
                notifications.SourceState(new SyncTarget(System, type), live, reason);
            }
        }

        int? webhookId = null;
        var failures = 0;
        while (true)
        {
            TimeSpan wait;
            try
            {
                webhookId = await KeepAsync(webhookId, wanted, Report, cancellationToken).ConfigureAwait(false);
                failures = 0;
                wait = _checkInterval;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (SuperOfficeApiException error) when (error.Status == HttpStatusCode.Forbidden)
            {
                throw;
            }
            catch (Exception error)
            {
                wait = Backoff(++failures);
                SuperOfficeWebhookLog.CheckFailed(_logger, System, wait, error);
            }

            if (!await IdleAsync(wait, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
        }
    }

    /// <summary>Waits <paramref name="wait"/>; false when the host stopped meanwhile.</summary>
    private async Task<bool> IdleAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Registers the webhook when <paramref name="webhookId"/> is null, else checks it and puts it right; returns its id.</summary>
    private async Task<int> KeepAsync(int? webhookId, SuperOfficeWebhook wanted, Action<bool, string?> report, CancellationToken cancellationToken)
    {
        if (webhookId is not { } id)
        {
            var registered = await RegisterAsync(wanted, cancellationToken).ConfigureAwait(false);
            report(true, null);
            return registered;
        }

        var current = await _api.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (current is { State: SuperOfficeWebhookState.Active })
        {
            return id;
        }

        var reason = current is null
            ? $"the SuperOffice webhook {id} was deleted"
            : $"SuperOffice set the webhook {id} {current.State}" + (current.State == SuperOfficeWebhookState.TooManyErrors ? " after nine failed posts in a row" : "");
        SuperOfficeWebhookLog.Lost(_logger, System, id, reason);
        report(false, reason);
        var restored = current is null
            ? await RegisterAsync(wanted, cancellationToken).ConfigureAwait(false)
            : (await _api.UpdateAsync(wanted with { WebhookId = id }, cancellationToken).ConfigureAwait(false)).WebhookId;
        report(true, null);
        return restored;
    }

    /// <summary>Takes over the webhook already posting to the callback URL (saving it as wanted when it differs), or registers one.</summary>
    private async Task<int> RegisterAsync(SuperOfficeWebhook wanted, CancellationToken cancellationToken)
    {
        var existing = (await _api.ListAsync(cancellationToken).ConfigureAwait(false))
            .FirstOrDefault(w => Uri.TryCreate(w.TargetUrl, UriKind.Absolute, out var target) && Uri.Compare(target, _callbackUrl, UriComponents.HttpRequestUrl, UriFormat.SafeUnescaped, StringComparison.OrdinalIgnoreCase) == 0);
        var saved = existing switch
        {
            null => await _api.CreateAsync(wanted, cancellationToken).ConfigureAwait(false),
            _ when existing.State == SuperOfficeWebhookState.Active && existing.Name == wanted.Name && existing.Secret == wanted.Secret
                && existing.Events.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(wanted.Events.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase) => existing,
            _ => await _api.UpdateAsync(wanted with { WebhookId = existing.WebhookId }, cancellationToken).ConfigureAwait(false),
        };
        SuperOfficeWebhookLog.Registered(_logger, System, saved.WebhookId, string.Join(", ", wanted.Events), _callbackUrl.AbsoluteUri);
        return saved.WebhookId;
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromTicks(Math.Min(_checkInterval.Ticks, FirstRetry.Ticks << Math.Min(failures - 1, 20)));
}
