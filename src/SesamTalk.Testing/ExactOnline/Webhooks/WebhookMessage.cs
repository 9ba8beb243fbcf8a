using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace SesamTalk.Testing.ExactOnline.Webhooks;

/// <summary>
/// The body Exact posts to a callback URL: <c>{"Content":{"Topic","ClientId","Division","Action","Key",
/// "ExactOnlineEndpoint","EventCreatedOn"},"HashCode":"…"}</c>, compact, <c>Content</c> first and <c>HashCode</c> last.
/// <c>HashCode</c> is HMAC-SHA256 keyed with the app's webhook secret over the <c>Content</c> object's JSON text exactly
/// as sent, in upper-case hex (picqer/exact-php-client's <c>Webhook\Authenticatable</c> checks it that way, against the
/// text between <c>{"Content":</c> and <c>,"HashCode":</c>). The key is a GUID in lower-case "D" form; the format of
/// <c>EventCreatedOn</c> is not in the references, ISO 8601 UTC with milliseconds is used.
/// </summary>
internal static class WebhookMessage
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Create(WebhookEvent change, string secret)
    {
        var content = Content(change);
        return "{\"Content\":" + content + ",\"HashCode\":\"" + HashCode(content, secret) + "\"}";
    }

    public static string HashCode(string content, string secret) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(content)));

    private static string Content(WebhookEvent change)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            writer.WriteStartObject();
            writer.WriteString("Topic", change.Topic);
            writer.WriteString("ClientId", change.ClientId);
            writer.WriteNumber("Division", change.Division);
            writer.WriteString("Action", change.Action);
            writer.WriteString("Key", change.Key.ToString("D"));
            writer.WriteString("ExactOnlineEndpoint", change.Endpoint);
            writer.WriteString("EventCreatedOn", change.CreatedOn.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}

/// <summary>One change a topic fires: what changed, how, where to read it and when.</summary>
internal sealed record WebhookEvent(string Topic, string ClientId, int Division, string Action, Guid Key, string Endpoint, DateTimeOffset CreatedOn);
