using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// Fetches and caches System User tickets: signs <c>{system_token}.{yyyyMMddHHmm}</c> with the app's RSA key (SHA-256,
/// PKCS#1), posts it to <c>login/api/PartnerSystemUser/Authenticate</c> with the client secret as the application token,
/// and takes the ticket from the answer's JWT. One fetch at a time; a rejected ticket is fetched again.
/// </summary>
internal sealed class SuperOfficeSystemUserTickets(SuperOfficeSession session, IHttpClientFactory clients, SuperOfficeOptions options, TimeProvider time) : IDisposable
{
    private const string TicketClaim = "http://schemes.superoffice.net/identity/ticket";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private SuperOfficeToken? _current;

    public async Task<SuperOfficeToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_current is { } live && live.ExpiresAt > time.GetUtcNow())
            {
                return live;
            }

            _current = await AuthenticateAsync(cancellationToken).ConfigureAwait(false);
            return _current;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate(SuperOfficeToken rejected) => Interlocked.CompareExchange(ref _current, null, rejected);

    public void Dispose() => _gate.Dispose();

    private async Task<SuperOfficeToken> AuthenticateAsync(CancellationToken cancellationToken)
    {
        var systemUser = options.SystemUser!;
        // The endpoint's member names are PascalCase (the web defaults of PostAsJsonAsync would camel-case them).
        var request = new Dictionary<string, string?>
        {
            ["SignedSystemToken"] = Sign(systemUser),
            ["ApplicationToken"] = options.ClientSecret,
            ["ContextIdentifier"] = options.Tenant,
            ["ReturnTokenType"] = "JWT",
        };
        using var response = await clients.CreateClient(SuperOfficeSession.LoginClient)
            .PostAsJsonAsync(new Uri(session.LoginBaseUrl, "login/api/PartnerSystemUser/Authenticate"), request, cancellationToken)
            .ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SuperOfficeAuthenticationException("system_user_refused", response.StatusCode);
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        var root = body.RootElement;
        if (!root.TryGetProperty("IsSuccessful", out var ok) || ok.ValueKind != JsonValueKind.True
            || !root.TryGetProperty("Token", out var token) || token.GetString() is not { } jwt
            || Ticket(jwt) is not { } ticket)
        {
            // The system token, the key or the app's approval is not (or no longer) valid: a person must approve the app again.
            throw new SuperOfficeAuthenticationException("invalid_grant", HttpStatusCode.OK);
        }

        return new SuperOfficeToken(ticket, time.GetUtcNow() + systemUser.TicketLifetime, SuperOfficeToken.TicketScheme, options.ClientSecret);
    }

    private string Sign(SuperOfficeSystemUserOptions systemUser)
    {
        var data = systemUser.SystemToken + "." + time.GetUtcNow().UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
        using var key = RSA.Create();
        try
        {
            key.ImportFromPem(systemUser.PrivateKeyPem);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException("SesamTalk:SuperOffice:SystemUser:PrivateKeyPem holds no RSA private key.");
        }

        return data + "." + Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(data), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    /// <summary>The ticket claim of the answer's JWT (its signature is SuperOffice's; the ticket is what the API checks).</summary>
    private static string? Ticket(string jwt)
    {
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            return null;
        }

        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        try
        {
            using var claims = JsonDocument.Parse(Convert.FromBase64String(payload));
            return claims.RootElement.TryGetProperty(TicketClaim, out var ticket) ? ticket.GetString() : null;
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return null;
        }
    }
}
