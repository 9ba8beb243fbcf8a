using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SesamTalk.Connectors.Custom.Webhooks;

/// <summary>
/// Checks a delivery's <c>SesamTalk-Signature: t={unix seconds},v1={hex}</c> header: some <c>v1</c> must equal the
/// HMAC-SHA256 keyed with the secret over <c>{t}.</c> and the raw body (compared in constant time), and <c>t</c> must lie
/// within the tolerance of now, so a captured delivery cannot be replayed later.
/// </summary>
internal sealed class CustomWebhookSignature(string secret, TimeSpan tolerance, TimeProvider clock)
{
    public const string Header = "SesamTalk-Signature";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(secret);

    /// <summary>Null when the header signs <paramref name="body"/> and is fresh; else why not (for the log; it never holds the secret).</summary>
    public string? Refusal(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(header))
        {
            return "no " + Header + " header";
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries))
        {
            var (name, value) = part.IndexOf('=', StringComparison.Ordinal) is var at and > 0 ? (part[..at], part[(at + 1)..]) : (part, "");
            if (name == "t" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                timestamp = seconds;
            }
            else if (name == "v1" && value.Length == 64 && value.All(char.IsAsciiHexDigit))
            {
                signatures.Add(Convert.FromHexString(value));
            }
        }

        if (timestamp is not { } t || signatures.Count == 0)
        {
            return "a malformed " + Header + " header";
        }

        if (Math.Abs(clock.GetUtcNow().ToUnixTimeSeconds() - t) > tolerance.TotalSeconds)
        {
            return $"a timestamp more than {tolerance.TotalSeconds:0} seconds from now";
        }

        var expected = Mac(t, body);
        return signatures.Any(signature => CryptographicOperations.FixedTimeEquals(signature, expected)) ? null : "a signature that does not match";
    }

    private byte[] Mac(long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + "."));
        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }
}
