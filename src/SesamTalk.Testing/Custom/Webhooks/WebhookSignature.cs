using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SesamTalk.Testing.Custom.Webhooks;

/// <summary>
/// The <c>SesamTalk-Signature</c> header of a delivery: <c>t={unix seconds},v1={hex HMAC-SHA256}</c>, the HMAC keyed
/// with the subscription's secret (its UTF-8 bytes) over <c>{t}.</c> followed by the raw body, as Stripe signs its events.
/// </summary>
internal static class WebhookSignature
{
    public const string Header = "SesamTalk-Signature";

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexString(mac).ToLowerInvariant()}";
    }
}
