using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SesamTalk.Connectors.Salesforce;

/// <summary>
/// Builds the signed assertion of the JWT bearer grant: header <c>{"alg":"RS256"}</c>, claims <c>iss</c> (consumer
/// key), <c>sub</c> (user name), <c>aud</c> and <c>exp</c> (seconds since the epoch), signed with RSA-SHA256.
/// </summary>
internal static class SalesforceJwtAssertion
{
    /// <summary>The <c>grant_type</c> of the JWT bearer grant (RFC 7523).</summary>
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private static readonly string Header = Base64Url("""{"alg":"RS256"}"""u8);

    public static string Create(string consumerKey, SalesforceJwtBearerOptions options, DateTimeOffset now)
    {
        var signingInput = Header + "." + Base64Url(Claims(consumerKey, options, now));
        using var key = PrivateKey(options);
        try
        {
            var signature = key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            return signingInput + "." + Base64Url(signature);
        }
        catch (CryptographicException)
        {
            // No inner exception: the key material must not travel with the error.
            throw new InvalidOperationException("The Salesforce JWT bearer key cannot sign: it is a public key only, or not an RSA key.");
        }
    }

    /// <summary>Base64url without padding (RFC 7515, section 2); <c>System.Buffers.Text.Base64Url</c> needs .NET 9.</summary>
    private static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] Claims(string consumerKey, SalesforceJwtBearerOptions options, DateTimeOffset now)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("iss", consumerKey);
            json.WriteString("sub", options.Username);
            json.WriteString("aud", options.Audience.GetLeftPart(UriPartial.Path).TrimEnd('/'));
            json.WriteNumber("exp", (now + options.AssertionLifetime).ToUnixTimeSeconds());
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static RSA PrivateKey(SalesforceJwtBearerOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PrivateKeyPem))
        {
            var key = RSA.Create();
            try
            {
                key.ImportFromPem(options.PrivateKeyPem);
                return key;
            }
            catch (Exception e) when (e is ArgumentException or CryptographicException)
            {
                key.Dispose();
                throw new InvalidOperationException("SesamTalk:Salesforce:JwtBearer:PrivateKeyPem holds no RSA key in PEM form.");
            }
        }

        if (options.Certificate is { } certificate)
        {
            return certificate.GetRSAPrivateKey()
                ?? throw new InvalidOperationException($"The Salesforce JWT bearer certificate {certificate.Thumbprint} has no RSA private key.");
        }

        throw new InvalidOperationException("The Salesforce JWT bearer grant needs SesamTalk:Salesforce:JwtBearer:PrivateKeyPem or a Certificate.");
    }
}
