using System.Collections.Concurrent;
using System.Security.Cryptography;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.Salesforce.Auth;

/// <summary>Issued access tokens with their expiry, and the refresh tokens the org accepts.</summary>
internal sealed class TokenStore(TimeProvider clock, TimeSpan lifetime, string orgId)
{
    private readonly AccessTokens _access = new(clock, lifetime);
    private readonly ConcurrentDictionary<string, bool> _refresh = new(StringComparer.Ordinal);

    /// <summary>A new session id shaped like Salesforce's: "{orgId}!{opaque}".</summary>
    public string IssueAccessToken() => _access.Issue(string.Concat(orgId[..15], "!", Opaque(72)));

    public bool IsValid(string? token) => _access.IsValid(token);

    /// <summary>Every issued token stops working; clients must authenticate again.</summary>
    public void ExpireAll() => _access.ExpireAll();

    public string IssueRefreshToken()
    {
        var token = string.Concat("5Aep861", Opaque(80));
        _refresh[token] = true;
        return token;
    }

    public bool IsRefreshTokenValid(string? token) => token is not null && _refresh.ContainsKey(token);

    public void RevokeRefreshToken(string token) => _refresh.TryRemove(token, out _);

    private static string Opaque(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";
        return RandomNumberGenerator.GetString(alphabet, length);
    }
}
