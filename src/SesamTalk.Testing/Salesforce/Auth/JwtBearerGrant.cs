using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace SesamTalk.Testing.Salesforce.Auth;

/// <summary>
/// The connected app's side of the OAuth 2.0 JWT bearer grant: the uploaded certificate's public key, and the checks
/// Salesforce makes on an assertion, in its order (shape, <c>iss</c> names the app, RS256 signature, <c>aud</c>,
/// <c>exp</c>, <c>sub</c>), each refusal with the error body Salesforce sends.
/// </summary>
internal sealed class JwtBearerGrant
{
    public const string GrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    /// <summary>The audiences Salesforce accepts besides the org's own host: production and sandbox login.</summary>
    private static readonly string[] LoginAudiences = ["https://login.salesforce.com", "https://test.salesforce.com"];

    private static readonly OAuthRefusal InvalidAssertion = new("invalid_grant", "invalid assertion");

    // The certificate's SubjectPublicKeyInfo: an immutable array swapped whole, so token requests need no lock.
    private byte[]? _publicKey;

    /// <summary>Uploads the certificate whose key signs assertions ("Use digital signatures" on the connected app).</summary>
    public void UploadCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var key = certificate.GetRSAPublicKey()
            ?? throw new ArgumentException("The certificate has no RSA public key.", nameof(certificate));
        Volatile.Write(ref _publicKey, key.ExportSubjectPublicKeyInfo());
    }

    /// <summary>Why the assertion is refused, or null when a token may be issued.</summary>
    public OAuthRefusal? Check(string? assertion, SalesforceOrg org)
    {
        var parts = (assertion ?? "").Split('.');
        if (parts.Length != 3 || Json(parts[0]) is not { } header || Json(parts[1]) is not { } claims
            || Text(header, "alg") != "RS256")
        {
            return InvalidAssertion;
        }

        if (!string.Equals(Text(claims, "iss"), org.Options.ClientId, StringComparison.Ordinal))
        {
            return new("invalid_client_id", "client identifier invalid");
        }

        if (!IsSigned(parts))
        {
            return InvalidAssertion;
        }

        if (Text(claims, "aud") is not { } audience
            || !(LoginAudiences.Contains(audience, StringComparer.Ordinal) || string.Equals(audience, org.InstanceUrl, StringComparison.Ordinal)))
        {
            return new("invalid_grant", "audience is invalid");
        }

        if (!claims.TryGetProperty("exp", out var exp) || exp.ValueKind != JsonValueKind.Number || !exp.TryGetInt64(out var expires)
            || expires <= org.Clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return new("invalid_grant", "expired authorization code");
        }

        // Salesforce answers an unknown user as it answers one who has not approved the app.
        return string.Equals(Text(claims, "sub"), org.Options.Username, StringComparison.Ordinal)
            ? null
            : new("invalid_grant", "user hasn't approved this consumer");
    }

    private bool IsSigned(string[] parts)
    {
        var publicKey = Volatile.Read(ref _publicKey);
        if (publicKey is null || Base64Url(parts[2]) is not { } signature)
        {
            return false;
        }

        using var key = RSA.Create();
        key.ImportSubjectPublicKeyInfo(publicKey, out _);
        return key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }

    /// <summary>Decodes unpadded base64url (RFC 7515, section 2), or null; <c>System.Buffers.Text.Base64Url</c> needs .NET 9.</summary>
    private static byte[]? Base64Url(string segment)
    {
        var base64 = segment.Replace('-', '+').Replace('_', '/');
        base64 += new string('=', (4 - (base64.Length % 4)) % 4);
        var bytes = new byte[base64.Length];
        return segment.Contains('=', StringComparison.Ordinal) || !Convert.TryFromBase64String(base64, bytes, out var length)
            ? null
            : bytes[..length];
    }

    private static JsonElement? Json(string segment)
    {
        if (Base64Url(segment) is not { } json)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

/// <summary>An OAuth error the token endpoint answers with 400 <c>{"error","error_description"}</c>.</summary>
internal sealed record OAuthRefusal(string Error, string Description);
