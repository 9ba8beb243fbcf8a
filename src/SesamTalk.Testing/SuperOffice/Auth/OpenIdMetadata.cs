using System.Text.Json.Nodes;
using SesamTalk.Testing.SuperOffice.Http;

namespace SesamTalk.Testing.SuperOffice.Auth;

/// <summary><c>GET /login/.well-known/openid-configuration</c> and <c>/login/.well-known/jwks</c>, with the recorded members.</summary>
internal sealed class OpenIdMetadata(SuperOfficeTenant tenant)
{
    public Task<ApiResponse> ConfigurationAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var login = tenant.Issuer + "/login/";
        return Task.FromResult(ApiResponse.Ok(new JsonObject
        {
            ["issuer"] = tenant.Issuer,
            ["authorization_endpoint"] = login + "common/oauth/authorize",
            ["token_endpoint"] = login + "common/oauth/tokens",
            ["end_session_endpoint"] = login + "logout",
            ["jwks_uri"] = login + ".well-known/jwks",
            ["scopes_supported"] = new JsonArray("openid"),
            ["response_modes_supported"] = new JsonArray("form_post", "fragment", "query"),
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token", "token id_token", "token"),
            ["subject_types_supported"] = new JsonArray("public"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
            ["grant_types_supported"] = new JsonArray("implicit", "authorization_code", "refresh_token"),
            ["revocation_endpoint"] = login + "common/oauth/revoke",
        }));
    }

    public Task<ApiResponse> JwksAsync(ApiRequest request, CancellationToken cancellationToken) =>
        Task.FromResult(ApiResponse.Ok(tenant.IdTokens.Jwks()));
}
