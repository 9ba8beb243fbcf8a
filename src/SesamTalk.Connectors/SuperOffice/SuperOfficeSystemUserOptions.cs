namespace SesamTalk.Connectors.SuperOffice;

/// <summary>
/// The server-to-server System User flow: instead of a user's refresh token, the app signs the tenant's system token
/// with its own RSA key and exchanges it for a ticket (<c>Authorization: SOTicket 7T:…</c>, with <c>SO-AppToken</c>).
/// </summary>
public sealed class SuperOfficeSystemUserOptions
{
    /// <summary>The tenant's system token, from the <c>system_token</c> claim of the administrator's id_token when the app was approved.</summary>
    public string SystemToken { get; set; } = "";

    /// <summary>The app's private RSA key (PEM, PKCS#8 or PKCS#1) whose public half SuperOffice holds. Never logged.</summary>
    public string PrivateKeyPem { get; set; } = "";

    /// <summary>How long a ticket is used before a new one is fetched (SuperOffice keeps a ticket six hours from its last use).</summary>
    public TimeSpan TicketLifetime { get; set; } = TimeSpan.FromHours(5);

    /// <summary>The user and the key are secrets; only the token's application part shows.</summary>
    public override string ToString() => "SuperOfficeSystemUserOptions(system token " + SystemToken.Split('-')[0] + "-…)";
}
