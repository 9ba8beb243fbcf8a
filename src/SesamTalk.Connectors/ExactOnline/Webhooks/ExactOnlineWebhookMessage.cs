using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.ExactOnline.Webhooks;

/// <summary>
/// One notification Exact posts: <c>{"Content":{"Topic","ClientId","Division","Action","Key","ExactOnlineEndpoint",
/// "EventCreatedOn"},"HashCode":"…"}</c>. <c>HashCode</c> is HMAC-SHA256, keyed with the app's webhook secret, over the
/// <c>Content</c> object's JSON text exactly as it arrived, in hex (Exact sends upper case); the text is taken from the raw
/// body, never re-serialized, so spacing and key order cannot break the check.
/// </summary>
internal sealed class ExactOnlineWebhookMessage
{
    private readonly ReadOnlyMemory<byte> _content;

    private ExactOnlineWebhookMessage(ReadOnlyMemory<byte> content, string hashCode, string? topic, string? key)
    {
        _content = content;
        HashCode = hashCode;
        Topic = topic;
        Key = key;
    }

    /// <summary>The signature as sent.</summary>
    public string HashCode { get; }

    /// <summary><c>Content.Topic</c>, e.g. <c>Accounts</c>.</summary>
    public string? Topic { get; }

    /// <summary><c>Content.Key</c>: the changed entity's key (a header's for a line's change).</summary>
    public string? Key { get; }

    /// <summary>Reads a body; false when it is not JSON with a <c>Content</c> object and a <c>HashCode</c> string.</summary>
    public static bool TryRead(ReadOnlyMemory<byte> body, out ExactOnlineWebhookMessage? message)
    {
        message = null;
        try
        {
            var (content, hashCode) = Envelope(body);
            if (content is not { } range || hashCode is null)
            {
                return false;
            }

            var text = body[range];
            using var document = JsonDocument.Parse(text);
            message = new ExactOnlineWebhookMessage(text, hashCode, String(document.RootElement, "Topic"), String(document.RootElement, "Key"));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Whether <see cref="HashCode"/> is the HMAC of the content under <paramref name="secret"/>, compared in constant time.</summary>
    public bool IsSignedWith(string secret)
    {
        if (HashCode.Length != SHA256.HashSizeInBytes * 2 || !HashCode.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), _content.Span);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(HashCode));
    }

    /// <summary>The byte range of the top-level <c>Content</c> object and the <c>HashCode</c> string.</summary>
    private static (Range? Content, string? HashCode) Envelope(ReadOnlyMemory<byte> body)
    {
        var reader = new Utf8JsonReader(body.Span);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return (null, null);
        }

        (Range? content, string? hashCode) = (null, null);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "Content" && reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                content = start..((int)reader.TokenStartIndex + 1);
            }
            else if (name == "HashCode" && reader.TokenType == JsonTokenType.String)
            {
                hashCode = reader.GetString();
            }
            else
            {
                reader.Skip();
            }
        }

        return (content, hashCode);
    }

    private static string? String(JsonElement content, string name) =>
        content.ValueKind == JsonValueKind.Object && content.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
