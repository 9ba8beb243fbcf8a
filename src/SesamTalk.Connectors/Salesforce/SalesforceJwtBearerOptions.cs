using System.Security.Cryptography.X509Certificates;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// The OAuth 2.0 JWT bearer grant (server-to-server, no secret and no user interaction): the connector signs a short
/// assertion with the private key whose certificate is uploaded to the connected app, and Salesforce issues a token
/// for <see cref="Username"/>. The user must be pre-authorised for the app (an admin-approved profile or permission
/// set). The consumer key is <see cref="SalesforceOptions.ClientId"/>. The private key never appears in messages,
/// logs or <see cref="ToString"/>.
/// </summary>
public sealed class SalesforceJwtBearerOptions
{
    /// <summary>The Salesforce user name the token is issued for (the assertion's <c>sub</c>).</summary>
    public string Username { get; set; } = "";

    /// <summary>
    /// The assertion's <c>aud</c>: <c>https://login.salesforce.com</c> for production and Developer Edition orgs,
    /// <c>https://test.salesforce.com</c> for sandboxes, or an Experience Cloud site's URL.
    /// </summary>
    public Uri Audience { get; set; } = new("https://login.salesforce.com");

    /// <summary>The RSA private key as PEM text (PKCS#8 <c>PRIVATE KEY</c> or PKCS#1 <c>RSA PRIVATE KEY</c>). Never logged.</summary>
    public string? PrivateKeyPem { get; set; }

    /// <summary>A certificate with its RSA private key, used when <see cref="PrivateKeyPem"/> is empty.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>How long each assertion is valid; Salesforce allows at most three minutes.</summary>
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Names the user and audience only: the key stays out of logs.</summary>
    public override string ToString() => $"SalesforceJwtBearerOptions(sub={Username}, aud={Audience})";
}
