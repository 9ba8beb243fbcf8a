using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace SesamTalk.Testing.SuperOffice.Auth;

/// <summary>
/// Signs the OIDC <c>id_token</c> (RS256 with a key made per emulator, published at <c>/login/.well-known/jwks</c>)
/// carrying SuperOffice's tenant claims: <c>…/identity/ctx</c>, <c>webapi_url</c>, <c>netserver_url</c>,
/// <c>system_token</c>, <c>associateid</c>, <c>upn</c>.
/// </summary>
internal sealed class IdTokenIssuer : IDisposable
{
    private const string ClaimPrefix = "http://schemes.superoffice.net/identity/";

    private readonly RSA _key = RSA.Create(2048);
    private readonly string _keyId;

    public IdTokenIssuer() => _keyId = Base64Url(SHA256.HashData(_key.ExportRSAPublicKey()))[..27];

    /// <summary>The JWKS document: the public signing key.</summary>
    public JsonObject Jwks()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["alg"] = "RS256",
                ["kid"] = _keyId,
                ["n"] = Base64Url(parameters.Modulus!),
                ["e"] = Base64Url(parameters.Exponent!),
                ["x5c"] = new JsonArray(Convert.ToBase64String(_key.ExportSubjectPublicKeyInfo())),
            }),
        };
    }

    /// <summary>A signed id_token for the tenant's user.</summary>
    public string Issue(SuperOfficeTenant tenant)
    {
        var now = tenant.Clock.GetUtcNow().ToUnixTimeSeconds();
        var options = tenant.Options;
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = _keyId };
        var claims = new JsonObject
        {
            ["sub"] = tenant.UserPrincipalName,
            ["iss"] = tenant.Issuer,
            ["aud"] = options.ClientId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)tenant.Tokens.AccessLifetime.TotalSeconds,
            [ClaimPrefix + "ctx"] = options.ContextIdentifier,
            [ClaimPrefix + "webapi_url"] = tenant.ApiRoot,
            [ClaimPrefix + "netserver_url"] = tenant.TenantRoot + "Remote/Services88/",
            [ClaimPrefix + "system_token"] = tenant.SystemToken,
            [ClaimPrefix + "upn"] = tenant.UserPrincipalName,
            [ClaimPrefix + "associateid"] = options.AssociateId.ToString(CultureInfo.InvariantCulture),
            [ClaimPrefix + "is_administrator"] = "True",
            [ClaimPrefix + "company_name"] = SuperOfficeTenant.CompanyName,
        };
        return Sign(header, claims);
    }

    /// <summary>The JWT <c>PartnerSystemUser/Authenticate</c> answers with: the system user's ticket in its <c>ticket</c> claim.</summary>
    public string IssueSystemUserToken(SuperOfficeTenant tenant, string ticket)
    {
        var now = tenant.Clock.GetUtcNow().ToUnixTimeSeconds();
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "RS256", ["kid"] = _keyId };
        var claims = new JsonObject
        {
            ["sub"] = tenant.SystemToken,
            ["iss"] = tenant.Issuer,
            ["aud"] = tenant.Options.ClientId,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)TokenStore.TicketLifetime.TotalSeconds,
            [ClaimPrefix + "ticket"] = ticket,
            [ClaimPrefix + "ctx"] = tenant.Options.ContextIdentifier,
            [ClaimPrefix + "webapi_url"] = tenant.ApiRoot,
            [ClaimPrefix + "associateid"] = tenant.Options.AssociateId.ToString(CultureInfo.InvariantCulture),
        };
        return Sign(header, claims);
    }

    private string Sign(JsonObject header, JsonObject claims)
    {
        var signed = Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = _key.SignData(Encoding.ASCII.GetBytes(signed), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return signed + "." + Base64Url(signature);
    }

    public void Dispose() => _key.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
