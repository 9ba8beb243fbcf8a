using System.Collections.Concurrent;
using System.Security.Cryptography;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.ExactOnline.Auth;

/// <summary>
/// Authorization codes (single use), access tokens with their expiry, and refresh tokens with rotation: redeeming
/// a refresh token issues a new one and kills the old one, and a refresh token unused for the idle lifetime expires.
/// </summary>
internal sealed class TokenStore(TimeProvider clock, TimeSpan accessLifetime, TimeSpan refreshIdleLifetime)
{
    private readonly AccessTokens _access = new(clock, accessLifetime);
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RefreshToken> _refresh = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    /// <summary>What redeeming a refresh token found.</summary>
    public enum RefreshOutcome
    {
        /// <summary>Valid: the new refresh token is returned, the old one is dead.</summary>
        Rotated,

        /// <summary>Never issued.</summary>
        Unknown,

        /// <summary>Already redeemed once (an old token of the chain).</summary>
        Reused,

        /// <summary>Not used for longer than the idle lifetime.</summary>
        Expired,
    }

    public TimeSpan AccessLifetime => _access.Lifetime;

    /// <summary>An opaque bearer token shaped like Exact's ("AAEAA…").</summary>
    public string IssueAccessToken() => _access.Issue("AAEAA" + Opaque(120));

    public bool IsValid(string? token) => _access.IsValid(token);

    /// <summary>Every issued access token stops working; clients must refresh.</summary>
    public void ExpireAll() => _access.ExpireAll();

    /// <summary>A code the token endpoint exchanges once, for the given redirect URI.</summary>
    public string IssueCode(string redirectUri)
    {
        var code = "stampNL001." + Opaque(60);
        _codes[code] = redirectUri;
        return code;
    }

    /// <summary>Consumes a code; true when it was issued for <paramref name="redirectUri"/> and not used before.</summary>
    public bool RedeemCode(string? code, string? redirectUri) =>
        code is not null && _codes.TryRemove(code, out var expected) && string.Equals(expected, redirectUri, StringComparison.Ordinal);

    public string IssueRefreshToken()
    {
        var token = "__1P!IAAAA" + Opaque(100);
        lock (_gate)
        {
            _refresh[token] = new RefreshToken(clock.GetUtcNow(), Redeemed: false);
        }

        return token;
    }

    /// <summary>Redeems a refresh token; on success <paramref name="next"/> is its successor, on expiry <paramref name="expiredAt"/> says when.</summary>
    public RefreshOutcome Redeem(string? token, out string next, out DateTimeOffset expiredAt)
    {
        next = "";
        expiredAt = default;
        lock (_gate)
        {
            if (token is null || !_refresh.TryGetValue(token, out var state))
            {
                return RefreshOutcome.Unknown;
            }

            if (state.Redeemed)
            {
                return RefreshOutcome.Reused;
            }

            expiredAt = state.LastUsed + refreshIdleLifetime;
            if (clock.GetUtcNow() >= expiredAt)
            {
                return RefreshOutcome.Expired;
            }

            _refresh[token] = state with { Redeemed = true };
        }

        next = IssueRefreshToken();
        return RefreshOutcome.Rotated;
    }

    private static string Opaque(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!*-_";
        return RandomNumberGenerator.GetString(alphabet, length);
    }

    private sealed record RefreshToken(DateTimeOffset LastUsed, bool Redeemed);
}
