using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using SesamTalk.Testing.Salesforce.Http;

namespace SesamTalk.Testing.Salesforce.Auth;

/// <summary>
/// <c>POST /services/oauth2/token</c> for the client_credentials, password, refresh_token and JWT bearer grants.
/// Success bodies carry no <c>expires_in</c> (as Salesforce's don't), and for the JWT bearer grant no
/// <c>signature</c> or <c>issued_at</c> either; errors are 400 <c>{"error","error_description"}</c>.
/// </summary>
internal sealed class TokenEndpoint(SalesforceOrg org)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (!request.Http.Request.HasFormContentType)
        {
            return ApiResponse.OAuthError(StatusCodes.Status400BadRequest, "invalid_request", "invalid request");
        }

        var form = await request.Http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        string grant = form["grant_type"].ToString();
        if (grant == JwtBearerGrant.GrantType)
        {
            return org.Jwt.Check(form["assertion"], org) is { } refusal
                ? ApiResponse.OAuthError(StatusCodes.Status400BadRequest, refusal.Error, refusal.Description)
                : ApiResponse.Ok(Success(signed: false));
        }

        var (clientId, clientSecret) = ClientCredentials(request, form);
        if (grant is not ("client_credentials" or "password" or "refresh_token"))
        {
            return ApiResponse.OAuthError(StatusCodes.Status400BadRequest, "unsupported_grant_type", "grant type not supported");
        }

        if (!string.Equals(clientId, org.Options.ClientId, StringComparison.Ordinal))
        {
            return ApiResponse.OAuthError(StatusCodes.Status400BadRequest, "invalid_client_id", "client identifier invalid");
        }

        if (!string.Equals(clientSecret, org.Options.ClientSecret, StringComparison.Ordinal))
        {
            return ApiResponse.OAuthError(StatusCodes.Status400BadRequest, "invalid_client", "invalid client credentials");
        }

        if (grant == "password" && !(string.Equals(form["username"], org.Options.Username, StringComparison.Ordinal)
            && string.Equals(form["password"], org.Options.Password, StringComparison.Ordinal)))
        {
            return ApiResponse.OAuthError(StatusCodes.Status400BadRequest, "invalid_grant", "authentication failure");
        }

        if (grant == "refresh_token" && !org.Tokens.IsRefreshTokenValid(form["refresh_token"]))
        {
            return ApiResponse.OAuthError(StatusCodes.Status400BadRequest, "invalid_grant", "expired access/refresh token");
        }

        return ApiResponse.Ok(Success(signed: true));
    }

    /// <summary>Client credentials come from the form or, as Salesforce also allows, from HTTP Basic authentication.</summary>
    private static (string Id, string Secret) ClientCredentials(ApiRequest request, IFormCollection form)
    {
        var header = request.Header("Authorization");
        if (header is not null && header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var bytes = new byte[header.Length];
            var decoded = Convert.TryFromBase64String(header[6..].Trim(), bytes, out var length)
                ? Encoding.UTF8.GetString(bytes, 0, length) : "";
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                return (Uri.UnescapeDataString(decoded[..colon]), Uri.UnescapeDataString(decoded[(colon + 1)..]));
            }
        }

        return (form["client_id"].ToString(), form["client_secret"].ToString());
    }

    /// <summary>The token body; without <paramref name="signed"/> (the JWT bearer grant) it has no <c>signature</c> or <c>issued_at</c>.</summary>
    private JsonObject Success(bool signed)
    {
        var identity = org.IdentityUrl;
        var issuedAt = org.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        // signature = Base64(HMAC-SHA256(id + issued_at, consumer secret)), as documented.
        var signature = Convert.ToBase64String(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(org.Options.ClientSecret), Encoding.UTF8.GetBytes(identity + issuedAt)));
        var body = new JsonObject
        {
            ["access_token"] = org.Tokens.IssueAccessToken(),
            ["signature"] = signature,
            ["scope"] = "api",
            ["instance_url"] = org.InstanceUrl,
            ["id"] = identity,
            ["token_type"] = "Bearer",
            ["issued_at"] = issuedAt,
        };
        if (!signed)
        {
            body.Remove("signature");
            body.Remove("issued_at");
        }

        return body;
    }
}
