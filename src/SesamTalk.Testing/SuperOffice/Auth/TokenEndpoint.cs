using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Auth;

/// <summary>
/// <c>POST /login/common/oauth/tokens</c> (form) for the authorization_code and refresh_token grants, client
/// credentials in the form (client_secret_post) or a Basic header (client_secret_basic). Success bodies are the
/// recorded ones: <c>token_type</c> "Bearer", <c>access_token</c>, <c>expires_in</c> as a number, <c>refresh_token</c>
/// (authorization_code only: refresh tokens are not rotated) and <c>id_token</c>.
/// </summary>
internal sealed class TokenEndpoint(SuperOfficeTenant tenant)
{
    public async Task<ApiResponse> HandleAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        if (!request.Http.Request.HasFormContentType)
        {
            return ApiResponse.OAuthError("invalid_request");
        }

        var form = await request.Http.Request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        string grant = form["grant_type"].ToString();
        if (grant is not ("authorization_code" or "refresh_token"))
        {
            return ApiResponse.OAuthError("unsupported_grant_type");
        }

        var (clientId, clientSecret) = Credentials(request, form["client_id"], form["client_secret"]);
        if (!string.Equals(clientId, tenant.Options.ClientId, StringComparison.Ordinal)
            || !string.Equals(clientSecret, tenant.Options.ClientSecret, StringComparison.Ordinal))
        {
            return ApiResponse.OAuthError("invalid_client");
        }

        if (grant == "authorization_code")
        {
            return tenant.Tokens.RedeemCode(form["code"], form["redirect_uri"])
                ? Success(tenant.Tokens.IssueRefreshToken())
                : ApiResponse.OAuthError("invalid_grant");
        }

        return tenant.Tokens.IsRefreshToken(form["refresh_token"]) ? Success(null) : ApiResponse.OAuthError("invalid_grant");
    }

    private static (string? Id, string? Secret) Credentials(ApiRequest request, StringValues formId, StringValues formSecret)
    {
        const string Basic = "Basic ";
        var header = request.Header("Authorization");
        if (header?.StartsWith(Basic, StringComparison.OrdinalIgnoreCase) != true)
        {
            return (formId.ToString(), formSecret.ToString());
        }

        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header[Basic.Length..].Trim())).Split(':', 2);
            return pair.Length == 2 ? (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1])) : (null, null);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }

    private ApiResponse Success(string? refreshToken)
    {
        var body = new JsonObject
        {
            ["token_type"] = "Bearer",
            ["access_token"] = tenant.Tokens.IssueAccessToken(),
            ["expires_in"] = (int)tenant.Tokens.AccessLifetime.TotalSeconds,
        };
        if (refreshToken is not null)
        {
            body["refresh_token"] = refreshToken;
        }

        body["id_token"] = tenant.IdTokens.Issue(tenant);
        return new(StatusCodes.Status200OK, body);
    }
}
