using System.Collections.Concurrent;
using System.Security.Cryptography;
using SesamTalk.Testing.Http;

namespace SesamTalk.Testing.SuperOffice.Auth;

/// <summary>
/// Authorization codes (single use), access tokens with their expiry, and refresh tokens. SuperOffice does not rotate
/// refresh tokens: one stays valid and re-usable while the consent exists.
/// </summary>
internal sealed class TokenStore(TimeProvider clock, TimeSpan accessLifetime, string contextIdentifier)
{
    private readonly AccessTokens _access = new(clock, accessLifetime);
    private readonly AccessTokens _tickets = new(clock, TicketLifetime);
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _refresh = new(StringComparer.Ordinal);

    public TimeSpan AccessLifetime => _access.Lifetime;

    /// <summary>A proprietary (non-JWT) access token shaped like SuperOffice's: <c>8A:Cust12345.AR2s…</c>.</summary>
    public string IssueAccessToken() => _access.Issue($"8A:{contextIdentifier}." + Convert.ToBase64String(RandomNumberGenerator.GetBytes(96)));

    public bool IsValid(string? token) => _access.IsValid(token);

    /// <summary>Every issued access token stops working; clients must refresh.</summary>
    public void ExpireAll()
    {
        _access.ExpireAll();
        _tickets.ExpireAll();
    }

    /// <summary>How long a system-user ticket lives without use; each use slides it on.</summary>
    public static TimeSpan TicketLifetime { get; } = TimeSpan.FromHours(6);

    /// <summary>Issues a system-user ticket (<c>7T:…</c>).</summary>
    public string IssueTicket() => _tickets.Issue("7T:" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));

    /// <summary>Whether the ticket is live; a live ticket's life slides on by its use.</summary>
    public bool UseTicket(string? ticket)
    {
        if (!_tickets.IsValid(ticket))
        {
            return false;
        }

        _tickets.Issue(ticket!);
        return true;
    }

    /// <summary>A code the token endpoint exchanges once, for the given redirect URI.</summary>
    public string IssueCode(string redirectUri)
    {
        var code = Opaque(48);
        _codes[code] = redirectUri;
        return code;
    }

    /// <summary>Consumes a code; true when it was issued for <paramref name="redirectUri"/> and not used before.</summary>
    public bool RedeemCode(string? code, string? redirectUri) =>
        code is not null && _codes.TryRemove(code, out var expected) && string.Equals(expected, redirectUri, StringComparison.Ordinal);

    public string IssueRefreshToken()
    {
        var token = Opaque(64);
        _refresh[token] = true;
        return token;
    }

    /// <summary>True for an issued refresh token, however often it was used.</summary>
    public bool IsRefreshToken(string? token) => token is not null && _refresh.ContainsKey(token);

    /// <summary>Withdraws the consent: every refresh token stops working.</summary>
    public void RevokeRefreshTokens() => _refresh.Clear();

    private static string Opaque(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}
