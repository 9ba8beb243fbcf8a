using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SesamTalk.Connectors.Notifications;

namespace SesamTalk.Connectors.SuperOffice.Webhooks;

/// <summary>
/// Receives one tenant's SuperOffice webhook posts. A post counts only when <c>X-SuperOffice-Signature</c> is the
/// base64 HMAC-SHA256 of the raw body keyed with the webhook secret (compared in constant time; 401 otherwise) and its
/// <c>ContextIdentifier</c> is this tenant's (403 otherwise). A signed test event (a save of the webhook), an entity
/// the connector does not sync, or an <c>EventId</c> accepted within the recent window (SuperOffice's retries send the
/// same one) is answered 200 and notifies nothing; any other event tells the engine its record changed:
/// <c>RemoteChanged((tenant, Contact|Person|Sale), [PrimaryKey])</c>.
/// </summary>
internal sealed class SuperOfficeWebhookReceiver : ISyncWebhookReceiver
{
    private const string SignatureHeader = "X-SuperOffice-Signature";

    private readonly byte[] _key;
    private readonly string _contextIdentifier;
    private readonly ISyncChangeNotifications _notifications;
    private readonly RecentDeliveries _recent;
    private readonly ILogger _logger;

    public SuperOfficeWebhookReceiver(string name, string secret, string contextIdentifier, ISyncChangeNotifications notifications, RecentDeliveries recent, ILogger<SuperOfficeWebhookReceiver> logger)
    {
        Name = name;
        _key = Encoding.UTF8.GetBytes(secret);
        _contextIdentifier = contextIdentifier;
        _notifications = notifications;
        _recent = recent;
        _logger = logger;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public Task<SyncWebhookResponse> ReceiveAsync(SyncWebhookRequest request, CancellationToken cancellationToken) =>
        WebhookPosts.ReceiveAsync(request, Receive);

    private SyncWebhookResponse Receive(SyncWebhookRequest request)
    {
        if (!Signed(request))
        {
            SuperOfficeWebhookLog.Refused(_logger, Name, "the X-SuperOffice-Signature header is missing or does not match the body");
            return SyncWebhookResponse.Unauthorized;
        }

        return Accept(request.Body.Span);
    }

    private bool Signed(SyncWebhookRequest request)
    {
        Span<byte> sent = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        // Without a secret every post is refused: an HMAC keyed with nothing is one anybody can compute.
        return _key.Length > 0
            && request.Headers.TryGetValue(SignatureHeader, out var header)
            && Convert.TryFromBase64String(header.Trim(), sent, out var length)
            && length == HMACSHA256.HashSizeInBytes
            && HMACSHA256.HashData(_key, request.Body.Span, expected) == expected.Length
            && CryptographicOperations.FixedTimeEquals(sent, expected);
    }

    private SyncWebhookResponse Accept(ReadOnlySpan<byte> body)
    {
        WebhookPayload payload;
        try
        {
            payload = JsonSerializer.Deserialize<WebhookPayload>(body) ?? throw new JsonException("The body is null.");
        }
        catch (JsonException error)
        {
            return BadRequest("The body is not a SuperOffice webhook payload: " + error.Message);
        }

        if (payload.EventId is not { Length: > 0 } eventId || payload.Event is not { Length: > 0 })
        {
            return BadRequest("The payload has no EventId or Event.");
        }

        if (!string.Equals(payload.ContextIdentifier, _contextIdentifier, StringComparison.OrdinalIgnoreCase))
        {
            SuperOfficeWebhookLog.Refused(_logger, Name, $"the event is for tenant {payload.ContextIdentifier}, not {_contextIdentifier}");
            return new SyncWebhookResponse(403, $"This receiver takes events of tenant {_contextIdentifier} only.", "text/plain");
        }

        if (SuperOfficeWebhookEvents.FromPayload(payload.Entity) is not { } entity)
        {
            return SyncWebhookResponse.Accepted;
        }

        if (payload.PrimaryKey <= 0)
        {
            return BadRequest($"The {payload.Event} event {eventId} has no PrimaryKey.");
        }

        if (!_recent.TryAdd(eventId))
        {
            return SyncWebhookResponse.Accepted;
        }

        _notifications.RemoteChanged(new SyncTarget(Name, entity.Name), [payload.PrimaryKey.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return SyncWebhookResponse.Accepted;
    }

    /// <summary>The tenant of a WebAPI root such as <c>https://online3.superoffice.com/Cust12345/api/</c>: the segment before <c>api/</c>.</summary>
    public static string ContextIdentifierOf(Uri apiUrl)
    {
        ArgumentNullException.ThrowIfNull(apiUrl);
        var segments = apiUrl.Segments;
        var api = Array.FindLastIndex(segments, s => string.Equals(s, "api/", StringComparison.OrdinalIgnoreCase));
        return api > 0 ? Uri.UnescapeDataString(segments[api - 1].TrimEnd('/'))
            : throw new InvalidOperationException($"The SuperOffice API URL {apiUrl} names no tenant (…/Cust12345/api/): set SesamTalk:SuperOffice:Tenant.");
    }

    private static SyncWebhookResponse BadRequest(string message) => new(400, message, "text/plain");

    /// <summary>The members of SuperOffice's <c>WebhookPayload</c> the receiver reads.</summary>
    private sealed record WebhookPayload(string? EventId, string? Event, int PrimaryKey, string? Entity, string? ContextIdentifier);
}
