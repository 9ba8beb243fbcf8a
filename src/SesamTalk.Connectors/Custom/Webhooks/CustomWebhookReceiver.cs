using System.Text.Json;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>
/// Receives one custom system's webhook deliveries (<c>docs/custom-system-contract.md</c>, section 11): refuses a
/// delivery whose signature does not match or whose timestamp is outside <see cref="CustomConnectorOptions.WebhookTolerance"/>
/// (401, nothing notified), answers a replayed event id 200 without passing it on, and turns an accepted event into
/// <see cref="ISyncChangeNotifications.RemoteChanged"/> for the system and the event's record type.
/// </summary>
public sealed class CustomWebhookReceiver : ISyncWebhookReceiver
{
    private static readonly Action<ILogger, string, string, Exception?> LogRefused = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(1, "CustomWebhookRefused"), "Refused a webhook delivery to {System}: {Reason}.");

    private static readonly Action<ILogger, string, string, Exception?> LogReplayed = LoggerMessage.Define<string, string>(
        LogLevel.Debug, new EventId(2, "CustomWebhookReplayed"), "Webhook event {EventId} of {System} was accepted before; not passed on again.");

    /// <summary>How many accepted event ids are remembered at most (for twice the signature tolerance).</summary>
    private const int RecentCapacity = 10_000;

    private readonly ISyncChangeNotifications _notifications;
    private readonly CustomWebhookSignature? _signature;
    private readonly RecentDeliveries _recent;
    private readonly ILogger _logger;

    /// <summary>Creates the receiver (<c>AddCustomSystem</c> does this for each system).</summary>
    /// <param name="system">The system's name: the receiver's path segment and the notifications' <see cref="SyncTarget.System"/>.</param>
    /// <param name="options">The system's options: <see cref="CustomConnectorOptions.WebhookSecret"/> and <see cref="CustomConnectorOptions.WebhookTolerance"/>.</param>
    /// <param name="notifications">The engine's inbox.</param>
    /// <param name="clock">The clock the timestamps are checked against.</param>
    /// <param name="logger">Where refused deliveries are logged (never the secret).</param>
    public CustomWebhookReceiver(string system, CustomConnectorOptions options, ISyncChangeNotifications notifications, TimeProvider clock, ILogger<CustomWebhookReceiver> logger)
    {
        ArgumentException.ThrowIfNullOrEmpty(system);
        ArgumentNullException.ThrowIfNull(options);
        Name = system;
        _notifications = notifications;

        // Without a secret every delivery is refused (an HMAC with an empty key is one anybody can make); the options'
        // validation asks for the secret at start when notifications are on.
        _signature = options.WebhookSecret.Length > 0 ? new CustomWebhookSignature(options.WebhookSecret, options.WebhookTolerance, clock) : null;
        _recent = new RecentDeliveries(options.WebhookTolerance * 2, RecentCapacity, clock, StringComparer.Ordinal);
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<SyncWebhookResponse> ReceiveAsync(SyncWebhookRequest request, CancellationToken cancellationToken) =>
        WebhookPosts.ReceiveAsync(request, Receive);

    private SyncWebhookResponse Receive(SyncWebhookRequest request)
    {
        var refusal = _signature is null ? "no WebhookSecret is configured" : _signature.Refusal(request.Headers.GetValueOrDefault(CustomWebhookSignature.Header), request.Body.Span);
        if (refusal is not null)
        {
            LogRefused(_logger, Name, refusal, null);
            return SyncWebhookResponse.Unauthorized;
        }

        if (Read(request.Body) is not { } change)
        {
            LogRefused(_logger, Name, "a signed body that is not an event", null);
            return new SyncWebhookResponse(400);
        }

        if (!_recent.TryAdd(change.Id))
        {
            LogReplayed(_logger, change.Id, Name, null);
            return SyncWebhookResponse.Accepted;
        }

        _notifications.RemoteChanged(new SyncTarget(Name, change.Type), change.Ids);
        return SyncWebhookResponse.Accepted;
    }

    /// <summary>The event's id, record type and record ids; null when the body is not an event.</summary>
    private static (string Id, string Type, IReadOnlyCollection<string> Ids)? Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                && root.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
                && root.TryGetProperty("ids", out var ids) && ids.ValueKind == JsonValueKind.Array
                && ids.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
            {
                return (id.GetString()!, type.GetString()!, [.. ids.EnumerateArray().Select(i => i.GetString()!)]);
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }
}
